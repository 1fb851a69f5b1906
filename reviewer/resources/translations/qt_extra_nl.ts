<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!--
  Dutch for Qt's own dialogs where Qt's translation (qtbase_nl) lacks Qt 6's texts:
  loaded after qtbase_nl by reviewer.ui.i18n. Kept by hand (scripts/update_translations.py
  runs lupdate on reviewer_nl.ts only). The sources are Qt 6's, exactly as in its code:
  check a new Qt with tests/ui/test_qt_dialogs_dutch.py.
-->
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Bestands&amp;type:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Bestands&amp;naam:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>&amp;Size</source>
        <translation>&amp;Grootte</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
</context>
</TS>
