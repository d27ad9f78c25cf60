"""The command line's writing sub-commands: parse, call the store, print (no rule computed here)."""
