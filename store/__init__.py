"""The order book: records, rules and durable storage. Free of Textual."""
