#!/usr/bin/env python3
"""Lists every localisation key the portal's code uses and brings the translation files up to date (ADR 1401).

Keys are the English texts passed to the localiser: T["…"] / t["…"] / _t["…"] / localizer["…"] in views and code,
WithMessage("…") in validators and FluentValidation's own messages, Display(Name = "…") and ErrorMessage = "…" on input models, and L("…") for texts
marked for translation where no localiser is at hand. For each culture (sv and da, every existing
SharedResource.<culture>.resx, and any culture named on the command line) the .resx file gets every key: new
ones with an empty value and the comment "TODO translate", keys no longer in the code the comment "UNUSED".
An empty value shows the English text on the page and counts as missing in the crawl tests.

Counted texts, T.Count(n, "1 offer", "{0} offers"), name both keys (CountedText, ADR 1401).

    scripts/l10n-keys.sh            update the files, print a summary per language
    scripts/l10n-keys.sh nb         also start Norwegian Bokmål (SharedResource.nb.resx)
    scripts/l10n-keys.sh --missing  also print every missing key per language
    scripts/l10n-keys.sh --keys     print every key (one per line) and stop
    scripts/l10n-keys.sh --check    exit 1 when any language misses a key or breaks a placeholder
    scripts/l10n-keys.sh --import translations.tsv
                                    take translations from a tab-separated file whose header names the columns
                                    (key, then cultures: "key<TAB>sv<TAB>da"), e.g. saved from a spreadsheet
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "src")
RESOURCES = os.path.join(ROOT, "src", "MediconGlobal.Web", "Resources")
BASE = "SharedResource"
DEFAULT_CULTURES = ["sv", "da"]

LITERAL = r'"((?:[^"\\\n]|\\.)*)"'
PATTERNS = [
    re.compile(r'\b(?:T|t|_t|localizer|Localizer|_localizer)\[\s*' + LITERAL),
    re.compile(r'\.WithMessage\(\s*' + LITERAL),
    re.compile(r'\bL\(\s*' + LITERAL),
    re.compile(r'\bDisplay\(\s*Name\s*=\s*' + LITERAL),
    re.compile(r'\bErrorMessage\s*=\s*' + LITERAL),
    # Domain rules refuse a step with a sentence the page translates (CommandResult.Message through t[…]).
    re.compile(r'\bDomainRuleException\(\s*' + LITERAL),
    re.compile(r'\bCommandResult\.Refused\(\s*' + LITERAL),
]
# Label classes map values to English keys that views pass to the localiser (T[status.Label()]): every string
# literal in them is a key.
LABEL_FILES = re.compile(r"(Labels|FacetText|GapQuery|Countries|DisplayNames|OrganisationTypes|Roles|TaxonomyKinds)\.cs$")
ANY_LITERAL = re.compile(r'(?<![@$])' + LITERAL)
# Counted texts name two keys, the one for exactly one and the one for any other count: T.Count(n, "1 offer", "{0} offers").
COUNTED = re.compile(r'\.Count\(\s*[^,()]+(?:\([^()]*\))?[^,()]*,\s*' + LITERAL + r'\s*,\s*' + LITERAL)
# Import columns describe themselves in English for the import page: new("name", true, "Description", …).
IMPORT_COLUMN = re.compile(r'new\(\s*"[a-z_]+",\s*(?:true|false),\s*' + LITERAL)
# Keys that cannot be listed because they are built at run time: reported so they can be made literal.
DYNAMIC = re.compile(r'\b(?:T|t|_t|localizer)\[\s*\$"|\.WithMessage\(\s*\$"')
PLACEHOLDER = re.compile(r'\{[^{}]*\}')
# FluentValidation's own English messages, used by every rule without WithMessage (MaximumLength(200) and the like,
# also as client-side data-val messages); the LocalisingMessageFormatter looks them up as keys (ADR 1401).
FLUENT_TEMPLATES = [
    "'{PropertyName}' is not a valid email address.",
    "'{PropertyName}' must be greater than or equal to '{ComparisonValue}'.",
    "'{PropertyName}' must be greater than '{ComparisonValue}'.",
    "'{PropertyName}' must be between {MinLength} and {MaxLength} characters. You entered {TotalLength} characters.",
    "'{PropertyName}' must be between {MinLength} and {MaxLength} characters.",
    "The length of '{PropertyName}' must be at least {MinLength} characters. You entered {TotalLength} characters.",
    "The length of '{PropertyName}' must be at least {MinLength} characters.",
    "The length of '{PropertyName}' must be {MaxLength} characters or fewer. You entered {TotalLength} characters.",
    "The length of '{PropertyName}' must be {MaxLength} characters or fewer.",
    "'{PropertyName}' must be less than or equal to '{ComparisonValue}'.",
    "'{PropertyName}' must be less than '{ComparisonValue}'.",
    "'{PropertyName}' must not be empty.",
    "'{PropertyName}' must not be equal to '{ComparisonValue}'.",
    "'{PropertyName}' must be equal to '{ComparisonValue}'.",
    "The specified condition was not met for '{PropertyName}'.",
    "'{PropertyName}' is not in the correct format.",
    "'{PropertyName}' must be {MaxLength} characters in length. You entered {TotalLength} characters.",
    "'{PropertyName}' must be {MaxLength} characters in length.",
    "'{PropertyName}' must be between {From} and {To}. You entered {PropertyValue}.",
    "'{PropertyName}' must be between {From} and {To}.",
    "'{PropertyName}' must be between {From} and {To} (exclusive). You entered {PropertyValue}.",
    "'{PropertyName}' must be empty.",
    "'{PropertyName}' has a range of values which does not include '{PropertyValue}'.",
]
# The localiser's indexer: every literal of its first argument is a key (T[done ? "Saved." : "Not saved."]).
INDEXER = re.compile(r'\b(?:T|t|_t|localizer|Localizer|_localizer)\[')
# Form fields without [Display(Name = …)] are named by FieldNames (BindingMessages.cs) from their property names.
PROPERTY = re.compile(r'public\s+(?:required\s+)?[\w<>\[\]?,. ]+?\s+(\w+)\s*\{\s*get;\s*(?:set|init);')
FORM_FOLDERS = (os.path.join("src", "MediconGlobal.Web", "Pages") + os.sep, os.path.join("src", "MediconGlobal.Web", "Areas") + os.sep)


def field_name(property_name):
    """FieldNames.InWords: "FoundedYear" -> "Founded year", "MarketIds" -> "Markets"."""
    name = property_name
    if len(name) > 3 and name.endswith("Ids"):
        name = name[:-3] + "s"
    elif len(name) > 2 and name.endswith("Id"):
        name = name[:-2]
    words = re.sub(r"(?<=[a-z0-9])([A-Z])", r" \1", name)
    return words[0].upper() + words[1:].lower()


def first_argument_literals(text, start):
    """The string literals of an indexer's first argument, from just after its '[' to the top-level ',' or ']'."""
    depth, i, literals = 0, start, []
    while i < len(text):
        c = text[i]
        if c == '"':
            match = re.compile(LITERAL).match(text, i)
            if match is None:
                break
            literals.append(match.group(1))
            i = match.end()
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                break
            depth -= 1
        elif c == "," and depth == 0:
            break
        i += 1
    return literals


def unescape(text):
    return re.sub(r'\\(u[0-9a-fA-F]{4}|.)', lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == 'u' and len(m.group(1)) == 5
                  else {'n': '\n', 't': '\t', '"': '"', '\\': '\\', "'": "'", '0': '\0', 'r': '\r'}.get(m.group(1), m.group(1)), text)


def code_keys():
    keys, dynamic = {template: "FluentValidation (built-in message)" for template in FLUENT_TEMPLATES}, []
    for path in sorted(glob.glob(os.path.join(SOURCE, "**", "*.cs"), recursive=True) + glob.glob(os.path.join(SOURCE, "**", "*.cshtml"), recursive=True)):
        if os.sep + "obj" + os.sep in path or os.sep + "bin" + os.sep in path:
            continue
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        relative = os.path.relpath(path, ROOT)
        for match in INDEXER.finditer(text):
            for literal in first_argument_literals(text, match.end()):
                key = unescape(literal)
                if key.strip():
                    keys.setdefault(key, relative)
        if relative.startswith(FORM_FOLDERS) and path.endswith(".cs"):
            for match in PROPERTY.finditer(text):
                keys.setdefault(field_name(match.group(1)), relative)
        for pattern in PATTERNS + [IMPORT_COLUMN, COUNTED]:
            for match in pattern.finditer(text):
                for group in match.groups():
                    key = unescape(group)
                    if key.strip():
                        keys.setdefault(key, relative)
        # A line that ends in "// l10n" holds a key kept in a constant (T[CompanyInput.DefaultConsentPurpose]).
        for line in text.splitlines():
            if line.rstrip().endswith("// l10n"):
                for match in ANY_LITERAL.finditer(line):
                    keys.setdefault(unescape(match.group(1)), relative)
        if LABEL_FILES.search(path):
            for match in ANY_LITERAL.finditer(re.sub(r"^\s*//.*$", "", text, flags=re.M)):
                key = unescape(match.group(1))
                # CSS classes (Badge) and time-zone ids sit in the same files and are not keys.
                if (" " in key or re.fullmatch(r"[A-ZÖ][a-zåäöø]+", key)) and "/" not in key and not re.match(r"(text|bg|border)-", key):
                    keys.setdefault(key, relative)
        for match in DYNAMIC.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            dynamic.append(f"{relative}:{line}")
    return keys, dynamic


def read_resx(path):
    entries = {}
    if os.path.exists(path):
        for data in ET.parse(path).getroot().findall("data"):
            value = data.find("value")
            comment = data.find("comment")
            entries[data.get("name")] = (value.text or "" if value is not None else "", comment.text if comment is not None else None)
    return entries


HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def escape_attribute(text):
    # XML folds a raw line break in an attribute into a space; e-mail texts are keys with line breaks.
    return escape(text).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")


def write_resx(path, entries):
    lines = [HEADER]
    for key in sorted(entries, key=lambda k: (k.casefold(), k)):
        value, comment = entries[key]
        lines.append(f'  <data name="{escape_attribute(key)}" xml:space="preserve">\n    <value>{escape(value)}</value>\n')
        if comment:
            lines.append(f"    <comment>{escape(comment)}</comment>\n")
        lines.append("  </data>\n")
    lines.append("</root>\n")
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("".join(lines))


def main(arguments):
    keys, dynamic = code_keys()
    # A .resx file cannot hold two names that differ only in case ("Yes", "yes"): the later key must be reworded.
    seen, collisions = {}, []
    for key in sorted(keys, key=lambda k: (k.casefold(), k)):
        if key.casefold() in seen:
            collisions.append(f"{key!r} ({keys[key]}) differs from {seen[key.casefold()]!r} only in case")
            del keys[key]
        else:
            seen[key.casefold()] = key
    if "--keys" in arguments:
        for key in sorted(keys, key=lambda k: (k.casefold(), k)):
            print(key.replace("\n", "\\n"))
        return 0
    imported = {}
    if "--import" in arguments:
        source = arguments[arguments.index("--import") + 1]
        arguments = [a for a in arguments if a not in ("--import", source)]
        with open(source, encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            for line in handle:
                # A line break inside a text is written \n in the file (as --keys prints it).
                cells = [cell.replace("\\n", "\n") for cell in line.rstrip("\n").split("\t")]
                for culture, value in zip(header[1:], cells[1:]):
                    if value.strip():
                        imported.setdefault(culture, {})[cells[0]] = value
    existing = [os.path.basename(p)[len(BASE) + 1:-len(".resx")] for p in glob.glob(os.path.join(RESOURCES, BASE + ".*.resx"))]
    cultures = sorted(set(DEFAULT_CULTURES + existing + list(imported) + [a for a in arguments if not a.startswith("--")]))
    problems = 0
    print(f"{len(keys)} keys in the code")
    for culture in cultures:
        path = os.path.join(RESOURCES, f"{BASE}.{culture}.resx")
        entries = read_resx(path)
        updated, missing, broken = {}, [], []
        for key, value in imported.get(culture, {}).items():
            entries[key] = (value, None)
        for key in keys:
            value, comment = entries.get(key, ("", None))
            if not value.strip():
                missing.append(key)
                comment = "TODO translate"
            elif sorted(PLACEHOLDER.findall(value)) != sorted(PLACEHOLDER.findall(key)):
                broken.append(key)
                comment = "CHECK placeholders: the English text has " + (" ".join(sorted(set(PLACEHOLDER.findall(key)))) or "none")
            elif comment in ("TODO translate", "UNUSED") or (comment or "").startswith("CHECK placeholders"):
                comment = None
            updated[key] = (value, comment)
        unused = [k for k in entries if k not in keys]
        folded = {k.casefold() for k in keys}
        for key in unused:
            # An unused entry that differs from a key only in case would make the .resx invalid (duplicate name).
            if entries[key][0].strip() and key.casefold() not in folded:
                updated[key] = (entries[key][0], "UNUSED")
        write_resx(path, updated)
        problems += len(missing) + len(broken)
        print(f"{culture}: {len(keys) - len(missing)} of {len(keys)} translated, {len(missing)} missing, {len(broken)} with other placeholders than the English, {len(unused)} unused  ({os.path.relpath(path, ROOT)})")
        if "--missing" in arguments:
            for key in missing + broken:
                print(f"  {culture} missing: {key!r}  (first used in {keys[key]})" if key in missing else f"  {culture} placeholders: {key!r}")
    if dynamic:
        print(f"{len(dynamic)} keys are built at run time and cannot be listed (use a literal with {{0}} placeholders):")
        for place in dynamic:
            print("  " + place)
    if collisions:
        print(f"{len(collisions)} keys differ from another only in case and cannot be translated apart (reword them):")
        for collision in collisions:
            print("  " + collision)
    return 1 if "--check" in arguments and (problems or dynamic or collisions) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
