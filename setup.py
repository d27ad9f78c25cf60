"""Build hook: the interface catalogs (store/locale/*/LC_MESSAGES/*.po) compiled to .mo in the wheel."""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LOCALE = Path("store", "locale")


class build_py_with_catalogs(build_py):
    """build_py, then every shipped .po compiled with Babel beside its copy in the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the source tree: `make` compiles the .mo there
        for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
            target = Path(self.build_lib, po.with_suffix(".mo"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(compile_po(po))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        return outputs + [str(Path(self.build_lib, po.with_suffix(".mo")))
                          for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))]


def compile_po(po: Path) -> bytes:
    """The .mo bytes of a .po (fuzzy entries left out), as store.i18n compiles it at run time."""
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        messages = read_po(source, locale=po.parent.parent.name, domain=po.stem)
    out = BytesIO()
    write_mo(out, messages)
    return out.getvalue()


setup(cmdclass={"build_py": build_py_with_catalogs})
