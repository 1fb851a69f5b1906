<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign measurement to a plan fact</source>
        <translation>Meting toekennen aan een gegeven van het plan</translation>
    </message>
    <message>
        <source>Write {0} {1} ({2}) into:</source>
        <translation>{0} {1} ({2}) invullen bij:</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Toekennen</translation>
    </message>
    <message>
        <source>Assigned now</source>
        <translation>Nu toegekend aan</translation>
    </message>
    <message>
        <source>The element a pin on this measurement names</source>
        <translation>Het element dat een pin op deze meting noemt</translation>
    </message>
    <message>
        <source>Selected in the plan</source>
        <translation>Gekozen in het plan</translation>
    </message>
    <message>
        <source>Used by a criterion pinned near this measurement</source>
        <translation>Gebruikt door een criterium met een pin bij deze meting</translation>
    </message>
    <message>
        <source>Usually measured on a drawing</source>
        <translation>Meestal op tekening gemeten</translation>
    </message>
    <message>
        <source>Other facts in {0}</source>
        <translation>Andere gegevens in {0}</translation>
    </message>
    <message>
        <source>empty now</source>
        <translation>nu leeg</translation>
    </message>
    <message>
        <source>now {0} {1}</source>
        <translation>nu {0} {1}</translation>
    </message>
</context>
<context>
    <name>AttendanceDialog</name>
    <message>
        <source>Attendance</source>
        <translation>Aanwezigen</translation>
    </message>
    <message>
        <source>Who attended the workshop. The report lists them on its first page, with the chair.</source>
        <translation>Wie de werksessie bijwoonden. Het verslag noemt hen op de eerste pagina, met de voorzitter.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ve&amp;rwijderen</translation>
    </message>
    <message>
        <source>R&amp;emarks:</source>
        <translation>&amp;Opmerkingen:</translation>
    </message>
    <message>
        <source>e.g. sent apologies: …</source>
        <translation>bijv. afgemeld: …</translation>
    </message>
</context>
<context>
    <name>BackgroundJob</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Bezig met annuleren…</translation>
    </message>
</context>
<context>
    <name>BcfDialogs</name>
    <message>
        <source>Export BCF</source>
        <translation>BCF exporteren</translation>
    </message>
    <message>
        <source>BCF files (*.bcf)</source>
        <translation>BCF-bestanden (*.bcf)</translation>
    </message>
    <message>
        <source>Import BCF replies</source>
        <translation>BCF-reacties inlezen</translation>
    </message>
    <message>
        <source>BCF files (*.bcf *.bcfzip)</source>
        <translation>BCF-bestanden (*.bcf *.bcfzip)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>{0} wordt geschreven…</translation>
    </message>
    <message>
        <source>BCF not exported</source>
        <translation>BCF niet geëxporteerd</translation>
    </message>
    <message>
        <source>The BCF file could not be written: {0}</source>
        <translation>Het BCF-bestand kon niet worden geschreven: {0}</translation>
    </message>
    <message>
        <source>BCF replies not read</source>
        <translation>BCF-reacties niet ingelezen</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Perspective</source>
        <translation>Invalshoek</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>{0} of {1} applicable criteria assessed</source>
        <translation>{0} van {1} toepasselijke criteria beoordeeld</translation>
    </message>
    <message>
        <source>S+C</source>
        <comment>perspective badge: safety and cohesion</comment>
        <translation>V+C</translation>
    </message>
    <message>
        <source>S</source>
        <comment>perspective badge: safety</comment>
        <translation>V</translation>
    </message>
    <message>
        <source>C</source>
        <comment>perspective badge: cohesion</comment>
        <translation>C</translation>
    </message>
    <message>
        <source>Has notes</source>
        <translation>Heeft notities</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n foto</numerusform>
            <numerusform>%n foto&apos;s</numerusform>
        </translation>
    </message>
    <message>
        <source>Verdict: {0}</source>
        <translation>Oordeel: {0}</translation>
    </message>
    <message>
        <source>Outside the perspective of this review</source>
        <translation>Buiten de invalshoek van deze beoordeling</translation>
    </message>
</context>
<context>
    <name>CriterionPanel</name>
    <message>
        <source>Measured against the plan</source>
        <translation>Gemeten aan het plan</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <source>{0} (key {1})</source>
        <translation>{0} (toets {1})</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Back to “not assessed” (key 0)</source>
        <translation>Terug naar “niet beoordeeld” (toets 0)</translation>
    </message>
    <message>
        <source>Reason for overriding the automatic verdict:</source>
        <translation>Reden om af te wijken van het automatische oordeel:</translation>
    </message>
    <message>
        <source>An override needs a reason; the change is not kept.</source>
        <translation>Een afwijking heeft een reden nodig; de wijziging wordt niet bewaard.</translation>
    </message>
    <message>
        <source>Justification (why “partly meets”):</source>
        <translation>Motivering (waarom “voldoet gedeeltelijk”):</translation>
    </message>
    <message>
        <source>“Partly meets” needs its justification; the change is not kept.</source>
        <translation>“Voldoet gedeeltelijk” vraagt om een motivering; de wijziging wordt niet bewaard.</translation>
    </message>
    <message>
        <source>Notes and measure</source>
        <translation>Notities en maatregel</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notities:</translation>
    </message>
    <message>
        <source>What you see in the plan…</source>
        <translation>Wat u in het plan ziet…</translation>
    </message>
    <message>
        <source>Recommended &amp;measure:</source>
        <translation>Aanbevolen &amp;maatregel:</translation>
    </message>
    <message>
        <source>What should change…</source>
        <translation>Wat er moet veranderen…</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>recommendation</source>
        <translation>aanbeveling</translation>
    </message>
    <message>
        <source>condition</source>
        <translation>voorwaarde</translation>
    </message>
    <message>
        <source>A condition must be met for the advice to hold (numbered in the letter); a recommendation is advice only</source>
        <translation>Aan een voorwaarde moet worden voldaan om het advies te laten gelden (genummerd in de brief); een aanbeveling is alleen een advies</translation>
    </message>
    <message>
        <source>&amp;Who acts:</source>
        <translation>&amp;Wie:</translation>
    </message>
    <message>
        <source>e.g. the architect, the housing corporation</source>
        <translation>bijv. de architect, de woningcorporatie</translation>
    </message>
    <message>
        <source>&amp;By stage:</source>
        <translation>&amp;Uiterlijk in fase:</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>niet opgegeven</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioriteit:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Gemiddeld</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Foto&apos;s</translation>
    </message>
    <message>
        <source>Pins on the drawings</source>
        <translation>Pinnen op de tekeningen</translation>
    </message>
    <message>
        <source>Replies from the BIM model (BCF)</source>
        <translation>Reacties uit het BIM-model (BCF)</translation>
    </message>
    <message>
        <source>What the architect answered in a BIM tool; read in with File → Import BCF Replies</source>
        <translation>Wat de architect in een BIM-programma antwoordde; ingelezen met Bestand → BCF-reacties inlezen</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>Foto&apos;s toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>or drop JPEG or PNG files here</source>
        <translation>of sleep JPEG- of PNG-bestanden hierheen</translation>
    </message>
    <message>
        <source>Choose a criterion in the list on the left.</source>
        <translation>Kies een criterium in de lijst links.</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>Take over the previous stage&apos;s verdict, with its reason (Ctrl+Shift+A)</source>
        <translation>Het oordeel uit de vorige fase overnemen, met de reden (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Pin {0} on {1}</source>
        <translation>Pin {0} op {1}</translation>
    </message>
    <message>
        <source>outside the perspective of this review</source>
        <translation>buiten de invalshoek van deze beoordeling</translation>
    </message>
    <message>
        <source>This plan: {0}.</source>
        <translation>Dit plan: {0}.</translation>
    </message>
    <message>
        <source>Profile {0}: {1}</source>
        <translation>Profiel {0}: {1}</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Bron: {0}</translation>
    </message>
    <message>
        <source>In tension with: {0}</source>
        <translation>Op gespannen voet met: {0}</translation>
    </message>
    <message>
        <source>Automatic verdict: {0}</source>
        <translation>Automatisch oordeel: {0}</translation>
    </message>
    <message>
        <source>(no plan elements to measure)</source>
        <translation>(geen planelementen om te meten)</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>set the status to “{0}”</source>
        <translation>zette de status op “{0}”</translation>
    </message>
    <message>
        <source>Previous stage ({0}): {1}</source>
        <translation>Vorige fase ({0}): {1}</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>carried from the {0}</source>
        <translation>overgenomen uit het {0}</translation>
    </message>
    <message>
        <source>Override the automatic verdict</source>
        <translation>Afwijken van het automatische oordeel</translation>
    </message>
    <message>
        <source>The rule says “{0}” from the plan facts. Why is your verdict “{1}”?</source>
        <translation>Volgens de regel is het oordeel op grond van de plangegevens “{0}”. Waarom is uw oordeel “{1}”?</translation>
    </message>
    <message>
        <source>Partly meets: justification</source>
        <translation>Voldoet gedeeltelijk: motivering</translation>
    </message>
    <message>
        <source>Why is the criterion only partly met? Give the justification (for instance the local constraint); the letter prints it.</source>
        <translation>Waarom wordt maar gedeeltelijk aan het criterium voldaan? Geef de motivering (bijvoorbeeld de lokale beperking); de brief vermeldt haar.</translation>
    </message>
    <message>
        <source>Not changed: “partly meets” is given only with its justification.</source>
        <translation>Niet gewijzigd: “voldoet gedeeltelijk” kan alleen met een motivering.</translation>
    </message>
    <message>
        <source>{0}: not a JPEG or PNG photo</source>
        <translation>{0}: geen JPEG- of PNG-foto</translation>
    </message>
    <message>
        <source>{0}: the file is too large</source>
        <translation>{0}: het bestand is te groot</translation>
    </message>
    <message>
        <source>Photos not added</source>
        <translation>Foto&apos;s niet toegevoegd</translation>
    </message>
    <message>
        <source>These files were not added:</source>
        <translation>Deze bestanden zijn niet toegevoegd:</translation>
    </message>
</context>
<context>
    <name>DossierPage</name>
    <message>
        <source>This value is not allowed ({0}).</source>
        <translation>Deze waarde is niet toegestaan ({0}).</translation>
    </message>
    <message>
        <source>Drawing sheets added: {0}. Fill in number, date and revision.</source>
        <translation>Tekeningen toegevoegd: {0}. Vul nummer, datum en revisie in.</translation>
    </message>
    <message>
        <source>Every drawing sheet is listed already.</source>
        <translation>Alle tekeningen staan al in de lijst.</translation>
    </message>
    <message>
        <source>Empty: the standard text, “{0}”</source>
        <translation>Leeg: de standaardtekst, “{0}”</translation>
    </message>
    <message>
        <source>Copy the default contact of the organisation settings: {0}</source>
        <translation>De standaardcontactpersoon uit de organisatie-instellingen overnemen: {0}</translation>
    </message>
    <message>
        <source>No default contact in the organisation settings (Edit → Organisation…)</source>
        <translation>Geen standaardcontactpersoon in de organisatie-instellingen (Bewerken → Organisatie…)</translation>
    </message>
    <message>
        <source>The details of the advice letter. The advice holds only for the documents reviewed; list them all.</source>
        <translation>De gegevens van de adviesbrief. Het advies geldt alleen voor de getoetste stukken; noem ze allemaal.</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Kenmerk:</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Plaats:</translation>
    </message>
    <message>
        <source>Dispatch date:</source>
        <translation>Verzenddatum:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Onderwerp:</translation>
    </message>
    <message>
        <source>Request:</source>
        <translation>Aanvraag:</translation>
    </message>
    <message>
        <source>Their reference:</source>
        <translation>Uw kenmerk:</translation>
    </message>
    <message>
        <source>kenmerk, e.g. 2026-0413</source>
        <translation>bijv. 2026-0413</translation>
    </message>
    <message>
        <source>the reference of the request, if it gave one</source>
        <translation>het kenmerk van het verzoek, als dat er een had</translation>
    </message>
    <message>
        <source>The request that led to this advice (who asked what, and when)…</source>
        <translation>De vraag die tot dit advies leidde (wie vroeg wat, en wanneer)…</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>niet ingevuld</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>No dispatch date yet</source>
        <translation>Nog geen verzenddatum</translation>
    </message>
    <message>
        <source>Addressee</source>
        <translation>Geadresseerde</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adres:</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Afdeling:</translation>
    </message>
    <message>
        <source>Street and number, postcode and place, one per line</source>
        <translation>Straat en huisnummer, postcode en plaats, elk op een regel</translation>
    </message>
    <message>
        <source>Documents reviewed</source>
        <translation>Getoetste stukken</translation>
    </message>
    <message>
        <source>The drawings and documents this advice is based on.</source>
        <translation>De tekeningen en stukken waarop dit advies is gebaseerd.</translation>
    </message>
    <message>
        <source>Drawing number</source>
        <translation>Tekeningnummer</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisie</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Stuk toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove the selected documents</source>
        <translation>De gekozen stukken verwijderen</translation>
    </message>
    <message>
        <source>Take from the drawings</source>
        <translation>Van de tekeningen overnemen</translation>
    </message>
    <message>
        <source>Add a row for every drawing sheet of this review that is not listed yet</source>
        <translation>Een regel toevoegen voor elke tekening van deze beoordeling die nog niet in de lijst staat</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Contactpersoon</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Use the default contact</source>
        <translation>Standaardcontactpersoon gebruiken</translation>
    </message>
    <message>
        <source>Distribution and next step</source>
        <translation>Verzending en vervolg</translation>
    </message>
    <message>
        <source>Copy to:</source>
        <translation>Afschrift aan:</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Vervolgstap:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Geldigheid:</translation>
    </message>
    <message>
        <source>One recipient per line</source>
        <translation>Eén ontvanger per regel</translation>
    </message>
    <message>
        <source>What happens next in the procedure…</source>
        <translation>Wat er hierna in de procedure gebeurt…</translation>
    </message>
</context>
<context>
    <name>DrawingView</name>
    <message>
        <source>A drawing scale needs a PDF page; calibrate an image with two points (Calibrate).</source>
        <translation>Een tekeningschaal kan alleen bij een PDF-pagina; kalibreer een afbeelding met twee punten (Kalibreren).</translation>
    </message>
    <message>
        <source>Add a PDF drawing first: its pages can be given their scale 1:n.</source>
        <translation>Voeg eerst een PDF-tekening toe: de pagina&apos;s daarvan krijgen een schaal 1:n.</translation>
    </message>
    <message>
        <source>Set the known scale of this PDF page, such as 1:100, so that lengths and areas can be measured on it</source>
        <translation>De bekende schaal van deze PDF-pagina instellen, bijvoorbeeld 1:100, zodat er lengtes en oppervlakken op te meten zijn</translation>
    </message>
    <message>
        <source>Drawings</source>
        <translation>Tekeningen</translation>
    </message>
    <message>
        <source>{0}: the file is too large</source>
        <translation>{0}: het bestand is te groot</translation>
    </message>
    <message>
        <source>Drawings not added</source>
        <translation>Tekeningen niet toegevoegd</translation>
    </message>
    <message>
        <source>Rename sheet</source>
        <translation>Blad hernoemen</translation>
    </message>
    <message>
        <source>Name of the sheet:</source>
        <translation>Naam van het blad:</translation>
    </message>
    <message>
        <source>Remove the sheet “{0}” with its pins and measurements?</source>
        <translation>Het blad “{0}” met zijn pinnen en metingen verwijderen?</translation>
    </message>
    <message>
        <source>Remove sheet</source>
        <translation>Blad verwijderen</translation>
    </message>
    <message>
        <source>Click two points whose real distance you know.</source>
        <translation>Klik op twee punten waarvan u de werkelijke afstand kent.</translation>
    </message>
    <message>
        <source>Click the points of the line; double-click or Enter ends, Esc cancels.</source>
        <translation>Klik op de punten van de lijn; dubbelklik of Enter sluit af, Esc annuleert.</translation>
    </message>
    <message>
        <source>Click the corners of the area; double-click or Enter ends, Esc cancels.</source>
        <translation>Klik op de hoeken van het oppervlak; dubbelklik of Enter sluit af, Esc annuleert.</translation>
    </message>
    <message>
        <source>Click to place a pin for criterion {0}.</source>
        <translation>Klik om een pin te plaatsen voor criterium {0}.</translation>
    </message>
    <message>
        <source>Click a measurement to write its value into a plan fact.</source>
        <translation>Klik op een meting om de waarde in een plangegeven te zetten.</translation>
    </message>
    <message>
        <source>No scale yet.</source>
        <translation>Nog geen schaal.</translation>
    </message>
    <message>
        <source>Scale: 1 m is {0} pixels.</source>
        <translation>Schaal: 1 m is {0} pixels.</translation>
    </message>
    <message>
        <source>Scale 1:{0}.</source>
        <translation>Schaal 1:{0}.</translation>
    </message>
    <message>
        <source>Scale about 1:{0} (from two points).</source>
        <translation>Schaal ongeveer 1:{0} (uit twee punten).</translation>
    </message>
    <message>
        <source>no scale</source>
        <translation>geen schaal</translation>
    </message>
    <message>
        <source>The two points are the same point; click two different points.</source>
        <translation>De twee punten zijn hetzelfde punt; klik op twee verschillende punten.</translation>
    </message>
    <message>
        <source>Calibrate</source>
        <translation>Kalibreren</translation>
    </message>
    <message>
        <source>Real distance between the two points (m):</source>
        <translation>Werkelijke afstand tussen de twee punten (m):</translation>
    </message>
    <message>
        <source>Drawing scale</source>
        <translation>Tekeningschaal</translation>
    </message>
    <message>
        <source>Scale of this PDF page, 1:</source>
        <translation>Schaal van deze PDF-pagina, 1:</translation>
    </message>
    <message>
        <source>Choose a criterion in the list first; the pin is for it.</source>
        <translation>Kies eerst een criterium in de lijst; de pin hoort daarbij.</translation>
    </message>
    <message>
        <source>Calibrate the sheet first: it has no scale yet.</source>
        <translation>Kalibreer eerst het blad: het heeft nog geen schaal.</translation>
    </message>
    <message>
        <source>The plan has no element with a fact in {0}.</source>
        <translation>Het plan heeft geen element met een gegeven in {0}.</translation>
    </message>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} op {1}</translation>
    </message>
    <message>
        <source>Set scale 1:n…</source>
        <translation>Schaal 1:n…</translation>
    </message>
    <message>
        <source>Add a drawing (PDF, PNG or JPEG) to measure on it and place pins.</source>
        <translation>Voeg een tekening toe (PDF, PNG of JPEG) om te meten en markeringen te plaatsen.</translation>
    </message>
    <message>
        <source>Sheets</source>
        <translation>Bladen</translation>
    </message>
    <message>
        <source>Drag to pan, wheel to zoom. Click a pin to open its criterion; drag it to move it. Right-click a pin or a measurement for more.</source>
        <translation>Sleep om te schuiven, scrol om te zoomen. Klik op een pin om zijn criterium te openen; sleep hem om hem te verplaatsen. Rechtsklik op een pin of meting voor meer.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Add a drawing (PDF, PNG or JPEG); every PDF page becomes a sheet</source>
        <translation>Een tekening toevoegen (PDF, PNG of JPEG); elke PDF-pagina wordt een blad</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Hernoemen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Move the sheet up (Ctrl+Shift+Up)</source>
        <translation>Blad omhoog (Ctrl+Shift+Omhoog)</translation>
    </message>
    <message>
        <source>Move the sheet down (Ctrl+Shift+Down)</source>
        <translation>Blad omlaag (Ctrl+Shift+Omlaag)</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Selecteren</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Lengte</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Oppervlak</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Assign to fact</source>
        <translation>Aan gegeven toekennen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>review file</source>
        <translation>beoordelingsbestand</translation>
    </message>
    <message>
        <source>workshop file</source>
        <translation>werksessiebestand</translation>
    </message>
    <message>
        <source>it is not a BCF file (not a zip container)</source>
        <translation>het is geen BCF-bestand (geen zip-container)</translation>
    </message>
    <message>
        <source>it holds no topics; it is not a BCF file</source>
        <translation>het bevat geen onderwerpen; het is geen BCF-bestand</translation>
    </message>
    <message>
        <source>it is BCF {0}; this app reads BCF 2.1 (export BCF 2.1 from the BIM tool)</source>
        <translation>het is BCF {0}; deze app leest BCF 2.1 (exporteer BCF 2.1 uit het BIM-programma)</translation>
    </message>
    <message>
        <source>{0} declares a document type or entities, which BCF files do not use; it was not read</source>
        <translation>{0} declareert een documenttype of entiteiten, die BCF-bestanden niet gebruiken; het is niet gelezen</translation>
    </message>
    <message>
        <source>{0} is not well-formed XML ({1})</source>
        <translation>{0} is geen correcte XML ({1})</translation>
    </message>
    <message>
        <source>{0} is not a drawing: use a PNG, JPEG or PDF file</source>
        <translation>{0} is geen tekening: gebruik een PNG-, JPEG- of PDF-bestand</translation>
    </message>
    <message>
        <source>{0} is not a photo: use a JPEG or PNG file</source>
        <translation>{0} is geen foto: gebruik een JPEG- of PNG-bestand</translation>
    </message>
    <message>
        <source>it is not a {0} (not a zip container)</source>
        <translation>het is geen {0} (geen zip-container)</translation>
    </message>
    <message>
        <source>{0} is missing: this is not a {1}</source>
        <translation>{0} ontbreekt: dit is geen {1}</translation>
    </message>
    <message>
        <source>it has no valid schema_version; it is not a {0}</source>
        <translation>het heeft geen geldige schema_version; het is geen {0}</translation>
    </message>
    <message>
        <source>it was made by a newer version of the app (file format {0}, this app reads up to {1}); update {2} to open it</source>
        <translation>het is gemaakt met een nieuwere versie van de app (bestandsformaat {0}, deze app leest tot en met {1}); werk {2} bij om het te openen</translation>
    </message>
    <message>
        <source>the file does not exist</source>
        <translation>het bestand bestaat niet</translation>
    </message>
    <message>
        <source>the file is too large ({0}; at most {1})</source>
        <translation>het bestand is te groot ({0}; hoogstens {1})</translation>
    </message>
    <message>
        <source>{0} is not a PDF</source>
        <translation>{0} is geen PDF</translation>
    </message>
    <message>
        <source>{0} is not a readable image</source>
        <translation>{0} is geen leesbare afbeelding</translation>
    </message>
    <message>
        <source>{0} is not a {1} image</source>
        <translation>{0} is geen {1}-afbeelding</translation>
    </message>
    <message>
        <source>the PDF {0} has no pages</source>
        <translation>de PDF {0} heeft geen pagina&apos;s</translation>
    </message>
    <message>
        <source>the PDF {0} cannot be read ({1})</source>
        <translation>de PDF {0} kan niet worden gelezen ({1})</translation>
    </message>
    <message>
        <source>{0} is not valid JSON (line {1}, column {2})</source>
        <translation>{0} is geen geldige JSON (regel {1}, kolom {2})</translation>
    </message>
    <message>
        <source>{0} is damaged ({1}); use a backup copy of the file</source>
        <translation>{0} is beschadigd ({1}); gebruik een reservekopie van het bestand</translation>
    </message>
    <message>
        <source>{0}: invalid plan facts: {1}</source>
        <translation>{0}: ongeldige plangegevens: {1}</translation>
    </message>
    <message>
        <source>{0}: not valid YAML at line {1}, column {2}: {3}</source>
        <translation>{0}: geen geldige YAML op regel {1}, kolom {2}: {3}</translation>
    </message>
    <message>
        <source>{0}: not valid YAML: {1}</source>
        <translation>{0}: geen geldige YAML: {1}</translation>
    </message>
    <message>
        <source>{0} is not an IFC file</source>
        <translation>{0} is geen IFC-bestand</translation>
    </message>
    <message>
        <source>{0} is not an IFC model: use an .ifc or .ifczip file</source>
        <translation>{0} is geen IFC-model: gebruik een .ifc- of .ifczip-bestand</translation>
    </message>
    <message>
        <source>{0} uses the schema {1}; only IFC2X3 and IFC4 can be imported</source>
        <translation>{0} gebruikt het schema {1}; alleen IFC2X3 en IFC4 kunnen worden geïmporteerd</translation>
    </message>
    <message>
        <source>{0} is cut off: the end of the file is missing</source>
        <translation>{0} is afgebroken: het einde van het bestand ontbreekt</translation>
    </message>
    <message>
        <source>{0} has no storeys: nothing to draw</source>
        <translation>{0} heeft geen bouwlagen: er is niets te tekenen</translation>
    </message>
    <message>
        <source>{0} has no storey holding rooms, doors or windows</source>
        <translation>{0} heeft geen bouwlaag met ruimtes, deuren of ramen</translation>
    </message>
    <message>
        <source>{0} is {1} MB; at most {2} MB can be imported</source>
        <translation>{0} is {1} MB; er kan ten hoogste {2} MB worden geïmporteerd</translation>
    </message>
    <message>
        <source>{0} is {1} MB: the import may take several minutes</source>
        <translation>{0} is {1} MB: de import kan enkele minuten duren</translation>
    </message>
    <message>
        <source>{0} must hold exactly one .ifc model</source>
        <translation>{0} moet precies één .ifc-model bevatten</translation>
    </message>
    <message>
        <source>Dwellings: the model groups no rooms into dwellings (no zones, no room numbers); fill them in yourself.</source>
        <translation>Woningen: het model deelt geen ruimtes in woningen in (geen zones, geen ruimtenummers); vul ze zelf in.</translation>
    </message>
    <message>
        <source>{0}: file not found</source>
        <translation>{0}: bestand niet gevonden</translation>
    </message>
    <message>
        <source>{0}: does not contain plan facts (expected a mapping)</source>
        <translation>{0}: bevat geen plangegevens (verwacht: velden met hun waarden)</translation>
    </message>
    <message>
        <source>{0}: not a text file (expected UTF-8 YAML)</source>
        <translation>{0}: geen tekstbestand (verwacht: YAML in UTF-8)</translation>
    </message>
    <message>
        <source>this field is missing</source>
        <translation>dit veld ontbreekt</translation>
    </message>
    <message>
        <source>must be at least {0}</source>
        <translation>moet minstens {0} zijn</translation>
    </message>
    <message>
        <source>must be greater than {0}</source>
        <translation>moet groter zijn dan {0}</translation>
    </message>
    <message>
        <source>must be at most {0}</source>
        <translation>mag hoogstens {0} zijn</translation>
    </message>
    <message>
        <source>must be less than {0}</source>
        <translation>moet kleiner zijn dan {0}</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>moet een geheel getal zijn</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>moet een getal zijn</translation>
    </message>
    <message>
        <source>must be yes or no (true or false)</source>
        <translation>moet ja of nee zijn (true of false)</translation>
    </message>
    <message>
        <source>must be a text</source>
        <translation>moet een tekst zijn</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>moet een lijst zijn</translation>
    </message>
    <message>
        <source>must be one of {0}</source>
        <translation>moet een van deze waarden zijn: {0}</translation>
    </message>
    <message>
        <source>or</source>
        <translation>of</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>onbekend veld</translation>
    </message>
    <message>
        <source>can be at most {0} characters long</source>
        <translation>mag hoogstens {0} tekens lang zijn</translation>
    </message>
    <message>
        <source>element ID {0} is used twice</source>
        <translation>aanduiding {0} komt twee keer voor</translation>
    </message>
    <message>
        <source>and {0} more</source>
        <translation>en nog {0}</translation>
    </message>
    <message>
        <source>(line {0})</source>
        <translation>(regel {0})</translation>
    </message>
    <message>
        <source>{0} cannot be opened: {1}</source>
        <translation>{0} kan niet worden geopend: {1}</translation>
    </message>
    <message>
        <source>{0} cannot be added: {1}</source>
        <translation>{0} kan niet worden toegevoegd: {1}</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} kan niet worden gelezen: {1}</translation>
    </message>
    <message>
        <source>{0} cannot be written: {1}</source>
        <translation>{0} kan niet worden geschreven: {1}</translation>
    </message>
    <message>
        <source>{0} cannot be saved: {1}</source>
        <translation>{0} kan niet worden opgeslagen: {1}</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>… and {0} more elements; the Plan tab lists them all.</source>
        <translation>… en nog {0} elementen; het tabblad Plan toont ze allemaal.</translation>
    </message>
</context>
<context>
    <name>ExampleBanner</name>
    <message>
        <source>This is an example review, to look around in and try things out.</source>
        <translation>Dit is een voorbeeld van een beoordeling, om rond te kijken en dingen uit te proberen.</translation>
    </message>
    <message>
        <source>Start your own review…</source>
        <translation>Begin uw eigen beoordeling…</translation>
    </message>
    <message>
        <source>File → New Review (Ctrl+N)</source>
        <translation>Bestand → Nieuwe beoordeling (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>FactDelegate</name>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>unknown; “-” for nobody</source>
        <translation>onbekend; “-” voor niemand</translation>
    </message>
</context>
<context>
    <name>FileGuard</name>
    <message>
        <source>{0} on {1}</source>
        <translation>{0} op {1}</translation>
    </message>
    <message>
        <source>{0} was opened read-only: {1} has just opened it.</source>
        <translation>{0} is alleen-lezen geopend: {1} heeft het zojuist geopend.</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>{0} geopend</translation>
    </message>
    <message>
        <source>Took over the lock {0} left on {1}.</source>
        <translation>De vergrendeling die {0} op {1} had achtergelaten is overgenomen.</translation>
    </message>
    <message>
        <source>{0} is open by {1} on {2}; saving over it would lose their changes. Choose another name.</source>
        <translation>{0} is geopend door {1} op {2}; overschrijven zou diens wijzigingen verloren laten gaan. Kies een andere naam.</translation>
    </message>
    <message>
        <source>The file on disk is newer: it was saved {0}, after this copy. Recovering brings back the older work; save it under another name to keep both.</source>
        <translation>Het bestand op schijf is nieuwer: het is opgeslagen op {0}, na deze kopie. Herstellen brengt het oudere werk terug; sla het onder een andere naam op om beide te houden.</translation>
    </message>
    <message>
        <source>The file on disk was last saved {0}, before this copy.</source>
        <translation>Het bestand op schijf is het laatst opgeslagen op {0}, vóór deze kopie.</translation>
    </message>
</context>
<context>
    <name>IdentityForm</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Opdrachtgever</translation>
    </message>
    <message>
        <source>Architect</source>
        <translation>Architect</translation>
    </message>
    <message>
        <source>Plan type</source>
        <translation>Soort plan</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>niet opgegeven</translation>
    </message>
    <message>
        <source>New build, renovation or transformation: decides which criteria apply</source>
        <translation>Nieuwbouw, renovatie of transformatie: bepaalt welke criteria gelden</translation>
    </message>
    <message>
        <source>The design stage the plan is reviewed at: decides which criteria apply</source>
        <translation>De ontwerpfase waarin het plan wordt getoetst: bepaalt welke criteria gelden</translation>
    </message>
    <message>
        <source>Plan type or stage not given: every criterion applies, also those meant only for other types or stages.</source>
        <translation>Soort plan of fase niet opgegeven: elk criterium geldt, ook de criteria die alleen voor andere soorten of fasen bedoeld zijn.</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisie</translation>
    </message>
    <message>
        <source>required</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <source>e.g. VO-2</source>
        <translation>bijv. VO-2</translation>
    </message>
</context>
<context>
    <name>IfcController</name>
    <message>
        <source>IFC import is not installed</source>
        <translation>IFC-import is niet geïnstalleerd</translation>
    </message>
    <message>
        <source>The IFC model was not imported</source>
        <translation>Het IFC-model is niet geïmporteerd</translation>
    </message>
    <message>
        <source>The model could not be imported: {0}</source>
        <translation>Het model kon niet worden geïmporteerd: {0}</translation>
    </message>
    <message>
        <source>IFC import cancelled</source>
        <translation>IFC-import geannuleerd</translation>
    </message>
    <message>
        <source>Import IFC model</source>
        <translation>IFC-model importeren</translation>
    </message>
    <message>
        <source>Review the model from the perspective of:</source>
        <translation>Beoordeel het model vanuit het perspectief:</translation>
    </message>
    <message>
        <source>{0} drawing sheets, one per storey, with their scale.</source>
        <translation>{0} tekeningbladen, één per bouwlaag, met hun schaal.</translation>
    </message>
    <message>
        <source>The plan facts read from the model are suggestions: confirm them in the Plan view (Confirm, Ctrl+Shift+K). Until then the rules do not count them.</source>
        <translation>De plangegevens uit het model zijn voorstellen: bevestig ze in het planoverzicht (Bevestigen, Ctrl+Shift+K). Tot dan tellen de regels ze niet mee.</translation>
    </message>
    <message>
        <source>IFC model imported</source>
        <translation>IFC-model geïmporteerd</translation>
    </message>
    <message>
        <source>No suggested fact changed.</source>
        <translation>Geen voorgesteld gegeven is veranderd.</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… en nog {0}</translation>
    </message>
    <message>
        <source>Pins for new entrances: {0}</source>
        <translation>Pinnen voor nieuwe entrees: {0}</translation>
    </message>
    <message>
        <source>Pins of entrances no longer in the model, removed: {0}</source>
        <translation>Pinnen van entrees die niet meer in het model staan, verwijderd: {0}</translation>
    </message>
    <message>
        <source>Update from IFC</source>
        <translation>Bijwerken uit IFC</translation>
    </message>
    <message>
        <source>Update the review from {0}?</source>
        <translation>De beoordeling bijwerken uit {0}?</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Bijwerken</translation>
    </message>
    <message>
        <source>Updated from the IFC model: {0} changes</source>
        <translation>Bijgewerkt uit het IFC-model: {0} wijzigingen</translation>
    </message>
</context>
<context>
    <name>IfcImport</name>
    <message>
        <source>Importing IFC models needs the optional BIM packages ({0}), which are not installed.

Install them with:
{1}

or, in a checkout, run: scripts/dev setup --bim</source>
        <translation>IFC-modellen importeren vraagt de optionele BIM-pakketten ({0}); die zijn niet geïnstalleerd.

Installeer ze met:
{1}

of, in een checkout: scripts/dev setup --bim</translation>
    </message>
    <message>
        <source>plan {0}</source>
        <translation>plan {0}</translation>
    </message>
    <message>
        <source>{0}: new in the model</source>
        <translation>{0}: nieuw in het model</translation>
    </message>
    <message>
        <source>{0}: no longer in the model, kept (it was confirmed)</source>
        <translation>{0}: niet meer in het model, behouden (het was bevestigd)</translation>
    </message>
    <message>
        <source>{0}: no longer in the model, removed</source>
        <translation>{0}: niet meer in het model, verwijderd</translation>
    </message>
    <message>
        <source>{0}: the model now says {1}; kept {2} (typed or confirmed)</source>
        <translation>{0}: het model zegt nu {1}; {2} behouden (ingevuld of bevestigd)</translation>
    </message>
    <message>
        <source>{0}: {1} → {2}</source>
        <translation>{0}: {1} → {2}</translation>
    </message>
    <message>
        <source>Import IFC model</source>
        <translation>IFC-model importeren</translation>
    </message>
    <message>
        <source>Reading {0}…</source>
        <translation>{0} wordt gelezen…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{0} (example)</source>
        <translation>{0} (voorbeeld)</translation>
    </message>
    <message>
        <source>{0} (read-only)</source>
        <translation>{0} (alleen-lezen)</translation>
    </message>
    <message>
        <source>Autosave failed: {0}</source>
        <translation>Automatisch opslaan mislukt: {0}</translation>
    </message>
    <message>
        <source>Cannot open {0}: {1}</source>
        <translation>{0} kan niet worden geopend: {1}</translation>
    </message>
    <message>
        <source>Cannot open {0}: it is damaged or not a file of this app ({1}).</source>
        <translation>Kan {0} niet openen: het bestand is beschadigd of geen bestand van deze app ({1}).</translation>
    </message>
    <message>
        <source>No example</source>
        <translation>Geen voorbeeld</translation>
    </message>
    <message>
        <source>The example review is not installed ({0}).</source>
        <translation>De voorbeeldbeoordeling is niet geïnstalleerd ({0}).</translation>
    </message>
    <message>
        <source>&amp;Close Workshop</source>
        <translation>Workshop s&amp;luiten</translation>
    </message>
    <message>
        <source>&amp;Close Review</source>
        <translation>Beoordeling s&amp;luiten</translation>
    </message>
    <message>
        <source>Export the report as a PDF (Ctrl+E)</source>
        <translation>Het rapport als pdf exporteren (Ctrl+E)</translation>
    </message>
    <message>
        <source>The PDF report is not available in this version.</source>
        <translation>Het pdf-rapport is in deze versie niet beschikbaar.</translation>
    </message>
    <message>
        <source>These reviews cannot be compared</source>
        <translation>Deze beoordelingen kunnen niet worden vergeleken</translation>
    </message>
    <message>
        <source>Check before comparing</source>
        <translation>Controleer vóór het vergelijken</translation>
    </message>
    <message>
        <source>The two reviews can be compared, but note:

{0}

The workshop view shows this warning too.</source>
        <translation>De twee beoordelingen zijn te vergelijken, maar let op:

{0}

De workshop toont deze waarschuwing ook.</translation>
    </message>
    <message>
        <source>A revision comparison needs two reviews of the same plan.

{0}</source>
        <translation>Voor een vergelijking van revisies zijn twee beoordelingen van hetzelfde plan nodig.

{0}</translation>
    </message>
    <message>
        <source>The changes cannot be recovered</source>
        <translation>De wijzigingen kunnen niet worden hersteld</translation>
    </message>
    <message>
        <source>{0} is open read-only: save your version under another name.</source>
        <translation>{0} is alleen-lezen geopend: sla uw versie onder een andere naam op.</translation>
    </message>
    <message>
        <source>{0} is open read-only because someone else has it open. Save your version under another name.</source>
        <translation>{0} is alleen-lezen geopend omdat iemand anders het open heeft. Sla uw versie onder een andere naam op.</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0} opgeslagen</translation>
    </message>
    <message>
        <source>Exported {0}</source>
        <translation>{0} geëxporteerd</translation>
    </message>
    <message>
        <source>Organisation settings saved.</source>
        <translation>Organisatie-instellingen bewaard.</translation>
    </message>
    <message>
        <source>About {0}</source>
        <translation>Over {0}</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;Version {1}&lt;/p&gt;&lt;p&gt;Review a building plan against the combined Safety &amp;amp; Cohesion checklist, from the safety or the cohesion perspective, and export the assessment as a PDF report.&lt;/p&gt;&lt;p&gt;For police building-plan advisers, architects and planners.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;{0}&lt;/h3&gt;&lt;p&gt;Versie {1}&lt;/p&gt;&lt;p&gt;Beoordeel een bouwplan aan de hand van de gecombineerde checklist Veiligheid &amp;amp; Cohesie, vanuit de invalshoek veiligheid of cohesie, en exporteer de beoordeling als PDF-rapport.&lt;/p&gt;&lt;p&gt;Voor bouwplanadviseurs van de politie, architecten en planologen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The example workshop: press F3 for the next open difference.</source>
        <translation>De voorbeeldworkshop: druk op F3 voor het volgende open verschil.</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Search titles and guidance  (Ctrl+F)</source>
        <translation>Zoeken in titels en toelichting  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the criteria&apos;s titles and guidance</source>
        <translation>Zoeken in de titels en toelichting van de criteria</translation>
    </message>
    <message>
        <source>All perspectives</source>
        <translation>Alle invalshoeken</translation>
    </message>
    <message>
        <source>Show criteria of one perspective</source>
        <translation>Criteria van één invalshoek tonen</translation>
    </message>
    <message>
        <source>All verdicts</source>
        <translation>Alle oordelen</translation>
    </message>
    <message>
        <source>Only not assessed</source>
        <translation>Alleen niet beoordeeld</translation>
    </message>
    <message>
        <source>Only findings (fails or partly)</source>
        <translation>Alleen bevindingen (voldoet niet of voldoet gedeeltelijk)</translation>
    </message>
    <message>
        <source>Only fails</source>
        <translation>Alleen voldoet niet</translation>
    </message>
    <message>
        <source>Only partly</source>
        <translation>Alleen voldoet gedeeltelijk</translation>
    </message>
    <message>
        <source>Only meets</source>
        <translation>Alleen voldoet</translation>
    </message>
    <message>
        <source>Only not applicable</source>
        <translation>Alleen niet van toepassing</translation>
    </message>
    <message>
        <source>Show criteria with a verdict</source>
        <translation>Criteria met een bepaald oordeel tonen</translation>
    </message>
    <message>
        <source>Requirements only</source>
        <translation>Alleen eisen</translation>
    </message>
    <message>
        <source>Hide the recommendations</source>
        <translation>De aanbevelingen verbergen</translation>
    </message>
    <message>
        <source>No criteria match the search and filters.</source>
        <translation>Geen criteria passen bij de zoekopdracht en filters.</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>No review open</source>
        <translation>Geen beoordeling geopend</translation>
    </message>
    <message>
        <source>{0} of {1} assessed</source>
        <translation>{0} van {1} beoordeeld</translation>
    </message>
    <message>
        <source>Applicable criteria of this review&apos;s perspective that have a verdict</source>
        <translation>Toepasselijke criteria van de invalshoek van deze beoordeling die een oordeel hebben</translation>
    </message>
</context>
<context>
    <name>NewReviewDialog</name>
    <message>
        <source>Load plan facts</source>
        <translation>Plangegevens laden</translation>
    </message>
    <message>
        <source>Plan facts (*.plan.yaml *.yaml *.yml);;All files (*)</source>
        <translation>Plangegevens (*.plan.yaml *.yaml *.yml);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>This plan file cannot be used.</source>
        <translation>Dit planbestand is niet bruikbaar.</translation>
    </message>
    <message>
        <source>Take the plan from a review</source>
        <translation>Plan overnemen uit een beoordeling</translation>
    </message>
    <message>
        <source>The plan cannot be taken from this review.</source>
        <translation>Het plan kan niet uit deze beoordeling worden overgenomen.</translation>
    </message>
    <message>
        <source>Type the plan&apos;s details, or load its facts (entrances, galleries, …) from a plan file. Facts can also be entered later in the plan panel.</source>
        <translation>Vul de gegevens van het plan in, of laad de plangegevens (entrees, galerijen, …) uit een planbestand. Gegevens kunnen ook later in het planpaneel worden ingevuld.</translation>
    </message>
    <message>
        <source>no elements</source>
        <translation>geen elementen</translation>
    </message>
    <message>
        <source>Loaded from {0} ({1}).</source>
        <translation>Geladen uit {0} ({1}).</translation>
    </message>
    <message>
        <source>No profile (the full checklist)</source>
        <translation>Geen profiel (volledige toetslijst)</translation>
    </message>
    <message>
        <source>Every criterion of the checklist, at the level the checklist gives it.</source>
        <translation>Elk criterium van de toetslijst, op het niveau dat de toetslijst het geeft.</translation>
    </message>
    <message>
        <source>This profile cannot be read: {0}</source>
        <translation>Dit profiel kan niet worden gelezen: {0}</translation>
    </message>
    <message>
        <source>A selection of the checklist that may raise its levels.</source>
        <translation>Een selectie uit de toetslijst die niveaus kan verhogen.</translation>
    </message>
    <message>
        <source>The profile “{0}” cannot be applied to this checklist.</source>
        <translation>Het profiel “{0}” past niet op deze toetslijst.</translation>
    </message>
    <message>
        <source>The checklist cannot be loaded.</source>
        <translation>De checklist kan niet worden geladen.</translation>
    </message>
    <message>
        <source>Give the plan a name.</source>
        <translation>Geef het plan een naam.</translation>
    </message>
    <message>
        <source>Fill in the reviewer&apos;s name.</source>
        <translation>Vul de naam van de beoordelaar in.</translation>
    </message>
    <message>
        <source>New review</source>
        <translation>Nieuwe beoordeling</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Load plan facts from file…</source>
        <translation>Plangegevens uit bestand laden…</translation>
    </message>
    <message>
        <source>Take the plan from a review…</source>
        <translation>Plan overnemen uit een beoordeling…</translation>
    </message>
    <message>
        <source>Use the plan facts of an existing review (.review) of this plan</source>
        <translation>De plangegevens van een bestaande beoordeling (.review) van dit plan gebruiken</translation>
    </message>
    <message>
        <source>Forget loaded facts</source>
        <translation>Geladen gegevens vergeten</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>A profile selects criteria and may raise recommendations to requirements, for instance for the label Safety and Cohesion</source>
        <translation>Een profiel selecteert criteria en kan aanbevelingen tot eisen maken, bijvoorbeeld voor het keurmerk Veiligheid en Cohesie</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Architect</source>
        <translation>Architect</translation>
    </message>
    <message>
        <source>required</source>
        <translation>verplicht</translation>
    </message>
    <message>
        <source>Perspective</source>
        <translation>Invalshoek</translation>
    </message>
    <message>
        <source>The police view: surveillance, access control, target hardening, lighting.</source>
        <translation>De blik van de politie: toezicht, toegangscontrole, inbraakwerendheid, verlichting.</translation>
    </message>
    <message>
        <source>The residents&apos; view: contact, involvement, meeting places, ownership, mix.</source>
        <translation>De blik van de bewoners: contact, betrokkenheid, ontmoetingsplekken, eigenaarschap, menging.</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Adviseur</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Municipal planner</source>
        <translation>Gemeentelijk planoloog</translation>
    </message>
    <message>
        <source>Housing corporation</source>
        <translation>Woningcorporatie</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>Beoordeling starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>NewWorkshopDialog</name>
    <message>
        <source>New workshop</source>
        <translation>Nieuwe workshop</translation>
    </message>
    <message>
        <source>A workshop puts two reviews of the same plan side by side, usually the safety review and the cohesion review, to compare them and agree on what the plan should change.</source>
        <translation>Een workshop zet twee beoordelingen van hetzelfde plan naast elkaar, meestal de beoordeling op veiligheid en die op cohesie, om ze te vergelijken en af te spreken wat er aan het plan moet veranderen.</translation>
    </message>
    <message>
        <source>Review &amp;A:</source>
        <translation>Beoordeling &amp;A:</translation>
    </message>
    <message>
        <source>Review &amp;B:</source>
        <translation>Beoordeling &amp;B:</translation>
    </message>
    <message>
        <source>a .review file</source>
        <translation>een .review-bestand</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>The safety review becomes A, whichever order you choose them in.</source>
        <translation>De beoordeling op veiligheid wordt A, in welke volgorde u ze ook kiest.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergelijken</translation>
    </message>
    <message>
        <source>Choose a review</source>
        <translation>Kies een beoordeling</translation>
    </message>
</context>
<context>
    <name>NextStageDialog</name>
    <message>
        <source>New Review of This Plan</source>
        <translation>Nieuwe beoordeling van dit plan</translation>
    </message>
    <message>
        <source>Next Stage</source>
        <translation>Volgende fase</translation>
    </message>
    <message>
        <source>A new review of “{0}” carries over the plan facts, the drawings with their calibration and markers, the dossier details, the participants, the profile and the open and processed measures. The verdicts start fresh: the rules run again, and you can adopt a previous verdict per criterion.</source>
        <translation>Een nieuwe beoordeling van “{0}” neemt de plangegevens over, de tekeningen met hun schaal en markeringen, de dossiergegevens, de deelnemers, het profiel en de open en verwerkte maatregelen. De oordelen beginnen opnieuw: de regels toetsen opnieuw, en per criterium kunt u een eerder oordeel overnemen.</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>niet opgegeven</translation>
    </message>
    <message>
        <source>Adopt every verdict of this review</source>
        <translation>Alle oordelen van deze beoordeling overnemen</translation>
    </message>
    <message>
        <source>Otherwise the rules decide, and you adopt verdicts one by one</source>
        <translation>Anders beslissen de regels, en neemt u oordelen één voor één over</translation>
    </message>
    <message>
        <source>This review: {0}, {1}</source>
        <translation>Deze beoordeling: {0}, {1}</translation>
    </message>
    <message>
        <source>no stage</source>
        <translation>geen fase</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Fase:</translation>
    </message>
    <message>
        <source>Perspective:</source>
        <translation>Invalshoek:</translation>
    </message>
    <message>
        <source>Make the New Review</source>
        <translation>Nieuwe beoordeling maken</translation>
    </message>
    <message>
        <source>No next stage</source>
        <translation>Geen volgende fase</translation>
    </message>
    <message>
        <source>The plan has no stage. Set its stage on the Plan page first.</source>
        <translation>Het plan heeft geen fase. Vul eerst de fase in op de pagina Plan.</translation>
    </message>
    <message>
        <source>The plan is at handover, the last stage: there is no later stage.</source>
        <translation>Het plan is bij de oplevering, de laatste fase: er is geen latere fase.</translation>
    </message>
    <message>
        <source>The next review must be at a later stage than this one ({0}).</source>
        <translation>De volgende beoordeling moet in een latere fase zijn dan deze ({0}).</translation>
    </message>
    <message>
        <source>New review made: {measures} measures carried, {adopted} verdicts adopted. Save it under a new name.</source>
        <translation>Nieuwe beoordeling gemaakt: {measures} maatregelen overgenomen, {adopted} oordelen overgenomen. Sla haar op onder een nieuwe naam.</translation>
    </message>
</context>
<context>
    <name>NoteEdit</name>
    <message>
        <source>Too long: at most {0} characters. Until it is shorter, the last text that fitted is kept.</source>
        <translation>Te lang: hoogstens {0} tekens. Tot de tekst korter is, blijft de laatste tekst bewaard die paste.</translation>
    </message>
</context>
<context>
    <name>NumberDialog</name>
    <message>
        <source>“{0}” is not a number; write it like {1}.</source>
        <translation>“{0}” is geen getal; schrijf het als {1}.</translation>
    </message>
    <message>
        <source>Enter a number from {0} to {1}.</source>
        <translation>Vul een getal van {0} tot en met {1} in.</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>{0}: the file is larger than 2 MB</source>
        <translation>{0}: het bestand is groter dan 2 MB</translation>
    </message>
    <message>
        <source>{0}: not a PNG or JPEG image that can be read</source>
        <translation>{0}: geen leesbare PNG- of JPEG-afbeelding</translation>
    </message>
    <message>
        <source>{0}: the image is larger than {1} pixels on a side</source>
        <translation>{0}: de afbeelding is aan een zijde groter dan {1} pixels</translation>
    </message>
    <message>
        <source>The organisation profile cannot be read; saving replaces it.</source>
        <translation>Het organisatieprofiel kan niet worden gelezen; bewaren vervangt het.</translation>
    </message>
    <message>
        <source>Not saved: {0}: {1}</source>
        <translation>Niet bewaard: {0}: {1}</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Niet bewaard: {0}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Logo kiezen</translation>
    </message>
    <message>
        <source>Choose the signature</source>
        <translation>Handtekening kiezen</translation>
    </message>
    <message>
        <source>Start from an example</source>
        <translation>Beginnen met een voorbeeld</translation>
    </message>
    <message>
        <source>Which example profile? Its details replace what the form holds.</source>
        <translation>Welk voorbeeldprofiel? De gegevens ervan vervangen wat nu is ingevuld.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Who your advice comes from: the letterhead, the default contact and signatory, and the standard texts of the letter. Kept for you on this computer, for every review.</source>
        <translation>Van wie uw advies komt: het briefhoofd, de standaardcontactpersoon en ondertekenaar, en de standaardteksten van de brief. Op deze computer voor u bewaard, voor elke beoordeling.</translation>
    </message>
    <message>
        <source>Start from example…</source>
        <translation>Beginnen met een voorbeeld…</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Briefhoofd</translation>
    </message>
    <message>
        <source>Contact and signature</source>
        <translation>Contact en ondertekening</translation>
    </message>
    <message>
        <source>Standard texts</source>
        <translation>Standaardteksten</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisatie:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Eenheid / team:</translation>
    </message>
    <message>
        <source>Postal address:</source>
        <translation>Postadres:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Default contact:</source>
        <translation>Standaardcontactpersoon:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefoon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Signatory:</source>
        <translation>Ondertekenaar:</translation>
    </message>
    <message>
        <source>Role, safety review:</source>
        <translation>Functie, toets veiligheid:</translation>
    </message>
    <message>
        <source>Role, cohesion review:</source>
        <translation>Functie, toets cohesie:</translation>
    </message>
    <message>
        <source>Scanned signature:</source>
        <translation>Gescande handtekening:</translation>
    </message>
    <message>
        <source>Disclaimer (Dutch):</source>
        <translation>Voorbehoud (Nederlands):</translation>
    </message>
    <message>
        <source>Disclaimer (English):</source>
        <translation>Voorbehoud (Engels):</translation>
    </message>
    <message>
        <source>Validity (Dutch):</source>
        <translation>Geldigheid (Nederlands):</translation>
    </message>
    <message>
        <source>Validity (English):</source>
        <translation>Geldigheid (Engels):</translation>
    </message>
    <message>
        <source>empty: “{0}”</source>
        <translation>leeg: “{0}”</translation>
    </message>
    <message>
        <source>shown in every new dossier</source>
        <translation>getoond in elk nieuw dossier</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Kiezen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>A PNG or JPEG image, at most 2 MB and 4000 pixels on a side</source>
        <translation>Een PNG- of JPEG-afbeelding, hoogstens 2 MB en 4000 pixels per zijde</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Bewaren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>PlanDifferencesBox</name>
    <message>
        <source>Plan differences ({0})</source>
        <translation>Planverschillen ({0})</translation>
    </message>
    <message>
        <source>The reviews give these facts of the plan differently. Criteria marked {0} rest on them: their verdicts may differ because the facts do, so settle the facts first.</source>
        <translation>De beoordelingen geven deze gegevens van het plan anders in. Criteria met {0} rusten erop: hun oordelen kunnen verschillen omdat de gegevens verschillen, dus stel eerst de feiten vast.</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Gegeven</translation>
    </message>
</context>
<context>
    <name>PlanModels</name>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>every element needs an ID, such as A or G1.</source>
        <translation>elk element heeft een aanduiding nodig, zoals A of G1.</translation>
    </message>
    <message>
        <source>an ID can be at most 40 characters long.</source>
        <translation>een aanduiding is hoogstens 40 tekens lang.</translation>
    </message>
    <message>
        <source>choose yes, no or unknown.</source>
        <translation>kies ja, nee of onbekend.</translation>
    </message>
    <message>
        <source>choose one of the values in the list.</source>
        <translation>kies een van de waarden uit de lijst.</translation>
    </message>
    <message>
        <source>enter a number.</source>
        <translation>vul een getal in.</translation>
    </message>
    <message>
        <source>“{0}” is not a number (leave the cell empty if the value is unknown).</source>
        <translation>“{0}” is geen getal (laat de cel leeg als de waarde onbekend is).</translation>
    </message>
    <message>
        <source>enter a whole number.</source>
        <translation>vul een geheel getal in.</translation>
    </message>
    <message>
        <source>must be at least 1 (leave the cell empty if the number is unknown).</source>
        <translation>moet minstens 1 zijn (laat de cel leeg als het aantal onbekend is).</translation>
    </message>
    <message>
        <source>must be more than {0}.</source>
        <translation>moet meer dan {0} zijn.</translation>
    </message>
    <message>
        <source>cannot be negative.</source>
        <translation>kan niet negatief zijn.</translation>
    </message>
    <message>
        <source>must be between {0} and {1}.</source>
        <translation>moet tussen {0} en {1} liggen.</translation>
    </message>
    <message>
        <source>From IFC — confirm this suggestion (Confirm, Ctrl+Shift+K)</source>
        <translation>Uit IFC — bevestig dit voorstel (Bevestigen, Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>GlobalId {0}</source>
        <translation>GlobalId {0}</translation>
    </message>
    <message>
        <source>the glass cannot start above where it ends (glass from is above glass up to).</source>
        <translation>het glas kan niet hoger beginnen dan het ophoudt (‘glas vanaf’ ligt boven ‘glas tot’).</translation>
    </message>
    <message>
        <source>this ID is already used in this list; every element needs its own ID.</source>
        <translation>deze aanduiding komt al voor in deze lijst; elk element heeft een eigen aanduiding nodig.</translation>
    </message>
    <message>
        <source>a plan can hold at most {0} elements in all.</source>
        <translation>een plan bevat hoogstens {0} elementen in totaal.</translation>
    </message>
    <message>
        <source>a plan can hold at most {0} elements of one type.</source>
        <translation>een plan bevat hoogstens {0} elementen van één soort.</translation>
    </message>
    <message>
        <source>a text can be at most {0} characters long.</source>
        <translation>een tekst is hoogstens {0} tekens lang.</translation>
    </message>
    <message>
        <source>this value is not allowed ({0}).</source>
        <translation>deze waarde is niet toegestaan ({0}).</translation>
    </message>
    <message>
        <source>how this element is named on the drawings (A, G1, …)</source>
        <translation>hoe dit element op de tekeningen heet (A, G1, …)</translation>
    </message>
    <message>
        <source>empty: unknown; “-”: nobody named</source>
        <translation>leeg: onbekend; “-”: niemand genoemd</translation>
    </message>
    <message>
        <source>empty: unknown</source>
        <translation>leeg: onbekend</translation>
    </message>
    <message>
        <source>a number; empty: unknown</source>
        <translation>een getal; leeg: onbekend</translation>
    </message>
    <message>
        <source>nobody named</source>
        <translation>niemand genoemd</translation>
    </message>
    <message>
        <source>the ID {0} is already used in this list.</source>
        <translation>de aanduiding {0} komt al voor in deze lijst.</translation>
    </message>
    <message>
        <source>{0}, {1}: {2}</source>
        <translation>{0}, {1}: {2}</translation>
    </message>
    <message>
        <source>Plan details</source>
        <translation>Plangegevens</translation>
    </message>
    <message>
        <source>Name, address, parties and the size of the residential area</source>
        <translation>Naam, adres, betrokken partijen en de omvang van het woongebied</translation>
    </message>
    <message>
        <source>{0}: not filled in yet. Add them, or confirm that the plan has none.</source>
        <translation>{0}: nog niet ingevuld. Vul ze in, of bevestig dat het plan ze niet heeft.</translation>
    </message>
    <message>
        <source>{0}: none in the plan (confirmed)</source>
        <translation>{0}: geen in het plan (bevestigd)</translation>
    </message>
    <message>
        <source>{0}: {1} in the plan</source>
        <translation>{0}: {1} in het plan</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Remove {0} elements</source>
        <translation>{0} elementen verwijderen</translation>
    </message>
    <message>
        <source>This plan has no {0}</source>
        <translation>Dit plan heeft geen {0}</translation>
    </message>
    <message>
        <source>Confirmed: the plan has no {0}. The rules on them judge accordingly.</source>
        <translation>Bevestigd: het plan heeft geen {0}. De regels daarover oordelen daarnaar.</translation>
    </message>
    <message>
        <source>Not filled in yet: the rules on {0} give “not assessed” until you add them, or confirm that the plan has none.</source>
        <translation>Nog niet ingevuld: de regels over {0} geven “niet beoordeeld” totdat u ze invult, of bevestigt dat het plan ze niet heeft.</translation>
    </message>
    <message>
        <source>The plan needs a name; the last name is kept.</source>
        <translation>Het plan heeft een naam nodig; de laatste naam blijft staan.</translation>
    </message>
    <message>
        <source>This value is not allowed.</source>
        <translation>Deze waarde is niet toegestaan.</translation>
    </message>
    <message>
        <source>The name, address and municipality come from the IFC model: check them, then confirm.</source>
        <translation>Naam, adres en gemeente komen uit het IFC-model: controleer ze en bevestig ze dan.</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <source>Outside the perspective of this review.</source>
        <translation>Buiten de invalshoek van deze beoordeling.</translation>
    </message>
    <message>
        <source>Plan details</source>
        <translation>Plangegevens</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <source>The 3 % play-space guideline is meant for the built-up area of the district; where only the plan area is known, enter that and say so below. Play areas and green that is fit for play count towards the 3 %.</source>
        <translation>De 3 %-richtlijn voor speelruimte is bedoeld voor het bebouwde gebied van de wijk; is alleen het plangebied bekend, vul dat in en geef dat hieronder aan. Speelplekken en groen dat geschikt is om te spelen tellen mee voor de 3 %.</translation>
    </message>
    <message>
        <source>Rules that use the site:</source>
        <translation>Regels die het plangebied gebruiken:</translation>
    </message>
    <message>
        <source>Rules on these facts:</source>
        <translation>Regels over deze gegevens:</translation>
    </message>
    <message>
        <source>Double-click or start typing to edit a cell; a click opens a list of choices. An empty cell means unknown: its rules then give “not assessed”. Del removes the selected rows.</source>
        <translation>Dubbelklik of begin te typen om een cel te wijzigen; een klik opent een keuzelijst. Een lege cel betekent onbekend: de regels erover geven dan “niet beoordeeld”. Del verwijdert de geselecteerde rijen.</translation>
    </message>
    <message>
        <source>No elements yet: choose a kind on the left (entrances, galleries, …) and add them with Add, or confirm that the plan has none.</source>
        <translation>Nog geen elementen: kies links een soort (entrees, galerijen, …) en voeg ze toe met Toevoegen, of bevestig dat het plan ze niet heeft.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Add an element to this list</source>
        <translation>Een element aan deze lijst toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove the selected elements (Del)</source>
        <translation>De geselecteerde elementen verwijderen (Del)</translation>
    </message>
    <message>
        <source>Confirm what the IFC model suggests for the selected elements (all of this list when none is selected): only then do the rules count it (Ctrl+Shift+K)</source>
        <translation>Bevestig wat het IFC-model voorstelt voor de gekozen elementen (de hele lijst als er geen gekozen is): pas dan tellen de regels het mee (Ctrl+Shift+K)</translation>
    </message>
</context>
<context>
    <name>ProcedureBox</name>
    <message>
        <source>This value is not allowed ({0}).</source>
        <translation>Deze waarde is niet toegestaan ({0}).</translation>
    </message>
    <message>
        <source>Remove {0} participants</source>
        <translation>{0} deelnemers verwijderen</translation>
    </message>
    <message>
        <source>Review procedure</source>
        <translation>Procedure van de toetsing</translation>
    </message>
    <message>
        <source>How this review was made. It is not a criterion: it says who took part and whether safety and cohesion were looked at together.</source>
        <translation>Hoe deze toetsing tot stand kwam. Dit is geen criterium: het legt vast wie meededen en of veiligheid en cohesie samen zijn bekeken.</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Deelnemers:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Deelnemer toevoegen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Remove the selected participants</source>
        <translation>De geselecteerde deelnemers verwijderen</translation>
    </message>
    <message>
        <source>Cohesion included in this review:</source>
        <translation>Cohesie meegenomen in deze toetsing:</translation>
    </message>
    <message>
        <source>Joint session held:</source>
        <translation>Gezamenlijke sessie gehouden:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notities:</translation>
    </message>
    <message>
        <source>on</source>
        <translation>op</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>niet vastgelegd</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>Whether social cohesion was part of this review, next to safety</source>
        <translation>Of sociale cohesie naast veiligheid deel uitmaakte van deze toetsing</translation>
    </message>
    <message>
        <source>Whether a joint session on safety and cohesion was held, and when</source>
        <translation>Of er een gezamenlijke sessie over veiligheid en cohesie is gehouden, en wanneer</translation>
    </message>
</context>
<context>
    <name>RegisterConnect</name>
    <message>
        <source>Register password</source>
        <translation>Wachtwoord van het register</translation>
    </message>
    <message>
        <source>Password for {0}:</source>
        <translation>Wachtwoord voor {0}:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Connecting to the register {0}…</source>
        <translation>Verbinden met het register {0}…</translation>
    </message>
    <message>
        <source>The register cannot be opened</source>
        <translation>Het register kan niet worden geopend</translation>
    </message>
</context>
<context>
    <name>RegisterController</name>
    <message>
        <source>Opening from the register {0}…</source>
        <translation>Openen uit het register {0}…</translation>
    </message>
    <message>
        <source>The document cannot be opened</source>
        <translation>Het document kan niet worden geopend</translation>
    </message>
    <message>
        <source>Opened from the register: version {0}, saved by {1} on {2}</source>
        <translation>Geopend uit het register: versie {0}, opgeslagen door {1} op {2}</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Saving to the register {0}…</source>
        <translation>Opslaan in het register {0}…</translation>
    </message>
    <message>
        <source>Saved to the register (version {0})</source>
        <translation>Opgeslagen in het register (versie {0})</translation>
    </message>
    <message>
        <source>{0}, version {1} in the register</source>
        <translation>{0}, versie {1} in het register</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translation>Adviseur</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Werksessie</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Version {0}, saved by {1} on {2}</source>
        <translation>Versie {0}, opgeslagen door {1} op {2}</translation>
    </message>
</context>
<context>
    <name>RegisterWindow</name>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiek</translation>
    </message>
    <message>
        <source>Register – {0}</source>
        <translation>Register – {0}</translation>
    </message>
    <message>
        <source>Search by address, municipality, reference, plan, stage, outcome, adviser or date</source>
        <translation>Zoek op adres, gemeente, kenmerk, plan, fase, uitkomst, adviseur of datum</translation>
    </message>
    <message>
        <source>The register cannot be searched: {0}</source>
        <translation>Er kan niet in het register worden gezocht: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) found</source>
        <translation>
            <numerusform>%n document gevonden</numerusform>
            <numerusform>%n documenten gevonden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepliesSummary</name>
    <message numerus="yes">
        <source>New replies read onto the criteria: %n.</source>
        <translation>
            <numerusform>Nieuwe reactie bij de criteria ingelezen: %n.</numerusform>
            <numerusform>Nieuwe reacties bij de criteria ingelezen: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file holds no new replies to this review&apos;s findings.</source>
        <translation>Het bestand bevat geen nieuwe reacties op de bevindingen van deze beoordeling.</translation>
    </message>
    <message>
        <source>None of the file&apos;s topics are findings of this review.</source>
        <translation>Geen van de onderwerpen in het bestand is een bevinding van deze beoordeling.</translation>
    </message>
    <message numerus="yes">
        <source>Topics in the file that are not this review&apos;s, and were not read in (see the details): %n.</source>
        <translation>
            <numerusform>Onderwerp in het bestand dat niet bij deze beoordeling hoort en niet is ingelezen (zie de details): %n.</numerusform>
            <numerusform>Onderwerpen in het bestand die niet bij deze beoordeling horen en niet zijn ingelezen (zie de details): %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportJob</name>
    <message>
        <source>Export PDF report</source>
        <translation>PDF-rapport exporteren</translation>
    </message>
    <message>
        <source>Writing {0}…</source>
        <translation>{0} wordt geschreven…</translation>
    </message>
    <message>
        <source>Report exported</source>
        <translation>Rapport geëxporteerd</translation>
    </message>
    <message>
        <source>The report was written to {0}.

Open it now?</source>
        <translation>Het rapport is geschreven naar {0}.

Nu openen?</translation>
    </message>
    <message>
        <source>The report was not exported</source>
        <translation>Het rapport is niet geëxporteerd</translation>
    </message>
    <message>
        <source>The PDF report could not be written: {0}</source>
        <translation>Het PDF-rapport kon niet worden geschreven: {0}</translation>
    </message>
</context>
<context>
    <name>ReviewPages</name>
    <message>
        <source>Every applicable criterion in the list has a verdict.</source>
        <translation>Elk toepasselijk criterium in de lijst heeft een oordeel.</translation>
    </message>
</context>
<context>
    <name>ReviewSession</name>
    <message>
        <source>{0} review</source>
        <translation>Beoordeling {0}</translation>
    </message>
    <message>
        <source>profile {0}</source>
        <translation>profiel {0}</translation>
    </message>
    <message>
        <source>The review was not saved</source>
        <translation>De beoordeling is niet opgeslagen</translation>
    </message>
    <message>
        <source>The review cannot be opened</source>
        <translation>De beoordeling kan niet worden geopend</translation>
    </message>
    <message>
        <source>Verdict {0}</source>
        <translation>Oordeel {0}</translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation>{0} wijzigen</translation>
    </message>
    <message>
        <source>Priority {0}</source>
        <translation>Prioriteit {0}</translation>
    </message>
    <message>
        <source>Kind of measure {0}</source>
        <translation>Soort maatregel {0}</translation>
    </message>
    <message>
        <source>Stage of measure {0}</source>
        <translation>Fase maatregel {0}</translation>
    </message>
    <message>
        <source>Measure {0}: {1}</source>
        <translation>Maatregel {0}: {1}</translation>
    </message>
    <message>
        <source>Adopt previous verdict {0}</source>
        <translation>Vorig oordeel overnemen {0}</translation>
    </message>
    <message>
        <source>Add photo {0}</source>
        <translation>Foto {0} toevoegen</translation>
    </message>
    <message>
        <source>Remove photo {0}</source>
        <translation>Foto {0} verwijderen</translation>
    </message>
    <message>
        <source>Read BCF replies</source>
        <translation>BCF-reacties inlezen</translation>
    </message>
    <message>
        <source>Edit plan {0}</source>
        <translation>Plan wijzigen: {0}</translation>
    </message>
    <message>
        <source>Plan type</source>
        <translation>soort plan</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>fase</translation>
    </message>
    <message>
        <source>Set {0}</source>
        <translation>{0} instellen</translation>
    </message>
    <message>
        <source>Confirm no {0}</source>
        <translation>Bevestigen: geen {0}</translation>
    </message>
    <message>
        <source>Undo confirmation no {0}</source>
        <translation>Bevestiging geen {0} intrekken</translation>
    </message>
    <message>
        <source>Edit {0} {1}</source>
        <translation>{0} {1} wijzigen</translation>
    </message>
    <message>
        <source>Confirm {0}</source>
        <translation>{0} bevestigen</translation>
    </message>
    <message>
        <source>Confirm {0} suggestions</source>
        <translation>{0} voorstellen bevestigen</translation>
    </message>
    <message>
        <source>Confirm the plan identity</source>
        <translation>Plangegevens bevestigen</translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation>{0} toevoegen</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>{0} verwijderen</translation>
    </message>
    <message>
        <source>Edit procedure</source>
        <translation>Procedure bewerken</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Deelnemer toevoegen</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Deelnemer bewerken</translation>
    </message>
    <message>
        <source>Remove participant</source>
        <translation>Deelnemer verwijderen</translation>
    </message>
    <message>
        <source>Edit dossier</source>
        <translation>Dossier bewerken</translation>
    </message>
    <message>
        <source>Set contact</source>
        <translation>Contactpersoon instellen</translation>
    </message>
    <message>
        <source>Add document</source>
        <translation>Stuk toevoegen</translation>
    </message>
    <message>
        <source>Edit document</source>
        <translation>Stuk bewerken</translation>
    </message>
    <message>
        <source>Remove documents</source>
        <translation>Stukken verwijderen</translation>
    </message>
    <message>
        <source>Take documents from the drawings</source>
        <translation>Stukken van de tekeningen overnemen</translation>
    </message>
    <message>
        <source>Choose outcome</source>
        <translation>Advies kiezen</translation>
    </message>
    <message>
        <source>Use the proposed outcome</source>
        <translation>Voorgesteld advies gebruiken</translation>
    </message>
    <message>
        <source>Add drawing {0}</source>
        <translation>Tekening {0} toevoegen</translation>
    </message>
    <message>
        <source>Rename sheet {0}</source>
        <translation>Blad {0} hernoemen</translation>
    </message>
    <message>
        <source>Remove sheet {0}</source>
        <translation>Blad {0} verwijderen</translation>
    </message>
    <message>
        <source>Move sheet {0}</source>
        <translation>Blad {0} verplaatsen</translation>
    </message>
    <message>
        <source>Calibrate {0}</source>
        <translation>{0} kalibreren</translation>
    </message>
    <message>
        <source>Place pin {0}</source>
        <translation>Pin {0} plaatsen</translation>
    </message>
    <message>
        <source>Move pin {0}</source>
        <translation>Pin {0} verplaatsen</translation>
    </message>
    <message>
        <source>Delete pin {0}</source>
        <translation>Pin {0} verwijderen</translation>
    </message>
    <message>
        <source>Measure {0}</source>
        <translation>{0} meten</translation>
    </message>
    <message>
        <source>Delete measurement {0}</source>
        <translation>Meting {0} verwijderen</translation>
    </message>
    <message>
        <source>Assign {0} to {1}</source>
        <translation>{0} toekennen aan {1}</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <source>Compared with an earlier revision</source>
        <translation>Vergeleken met een eerdere revisie</translation>
    </message>
    <message>
        <source>{0}: this version compared with {1}</source>
        <translation>{0}: deze versie vergeleken met {1}</translation>
    </message>
    <message>
        <source>{0}: revision {1} compared with {2}</source>
        <translation>{0}: revisie {1} vergeleken met {2}</translation>
    </message>
    <message numerus="yes">
        <source>%n criteria differ</source>
        <translation>
            <numerusform>%n criterium verschilt</numerusform>
            <numerusform>%n criteria verschillen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them in the verdict</source>
        <translation>
            <numerusform>daarvan %n in het oordeel</numerusform>
            <numerusform>daarvan %n in het oordeel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n with other changes)</source>
        <translation>
            <numerusform>(%n met andere wijzigingen)</numerusform>
            <numerusform>(%n met andere wijzigingen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Show unchanged</source>
        <translation>Ongewijzigde tonen</translation>
    </message>
    <message>
        <source>Show all criteria</source>
        <translation>Alle criteria tonen</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exporteren…</translation>
    </message>
    <message>
        <source>Changes per criterion</source>
        <translation>Wijzigingen per criterium</translation>
    </message>
    <message>
        <source>Export this comparison as a PDF report</source>
        <translation>Deze vergelijking exporteren als PDF-rapport</translation>
    </message>
    <message>
        <source>The revision report is not available in this version.</source>
        <translation>Het revisierapport is in deze versie niet beschikbaar.</translation>
    </message>
</context>
<context>
    <name>RevisionModel</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <source>Earlier</source>
        <translation>Eerder</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Also changed</source>
        <translation>Ook gewijzigd</translation>
    </message>
    <message>
        <source>Besides the verdict, these differ: {0}</source>
        <translation>Naast het oordeel verschilt: {0}</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <source>The drawing of this sheet is missing from the file.</source>
        <translation>De tekening van dit blad ontbreekt in het bestand.</translation>
    </message>
    <message>
        <source>This drawing is not shown: rendering it needs more than {0} MB of memory, so it was stopped. The PDF may be damaged or made to exhaust memory.</source>
        <translation>Deze tekening wordt niet getoond: weergeven kost meer dan {0} MB geheugen en is daarom gestopt. De pdf is misschien beschadigd of gemaakt om het geheugen uit te putten.</translation>
    </message>
    <message>
        <source>This drawing is not shown: rendering it takes longer than {0} seconds, so it was stopped. The PDF may be damaged or made to exhaust the computer.</source>
        <translation>Deze tekening wordt niet getoond: weergeven duurt langer dan {0} seconden en is daarom gestopt. De pdf is misschien beschadigd of gemaakt om de computer lam te leggen.</translation>
    </message>
    <message>
        <source>This drawing cannot be shown: {0}</source>
        <translation>Deze tekening kan niet worden getoond: {0}</translation>
    </message>
    <message>
        <source>Pins and measurements on this sheet stay as they are.</source>
        <translation>Pins en metingen op dit blad blijven zoals ze zijn.</translation>
    </message>
    <message>
        <source>Delete pin {0}</source>
        <translation>Pin {0} verwijderen</translation>
    </message>
    <message>
        <source>Assign to a plan fact…</source>
        <translation>Aan een plangegeven toekennen…</translation>
    </message>
    <message>
        <source>Delete measurement</source>
        <translation>Meting verwijderen</translation>
    </message>
</context>
<context>
    <name>SideBox</name>
    <message>
        <source>Automatic verdict: {0}</source>
        <translation>Automatisch oordeel: {0}</translation>
    </message>
    <message>
        <source>(overridden)</source>
        <translation>(afgeweken)</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Gemiddeld</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Reason for the override</source>
        <translation>Reden om af te wijken</translation>
    </message>
    <message>
        <source>Local constraint</source>
        <translation>Lokale beperking</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Recommended measure</source>
        <translation>Aanbevolen maatregel</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>Measured against the plan</source>
        <translation>Gemeten aan het plan</translation>
    </message>
</context>
<context>
    <name>StagesBox</name>
    <message>
        <source>this review</source>
        <translation>deze beoordeling</translation>
    </message>
    <message>
        <source>carried from the {0}</source>
        <translation>overgenomen uit het {0}</translation>
    </message>
    <message>
        <source>{0} – overdue</source>
        <translation>{0} – te laat</translation>
    </message>
    <message>
        <source>by the {0}</source>
        <translation>uiterlijk in het {0}</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>Verwerkt</translation>
    </message>
    <message>
        <source>The measure is processed in the drawings</source>
        <translation>De maatregel is verwerkt in de tekeningen</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Gecontroleerd</translation>
    </message>
    <message>
        <source>Verified at handover</source>
        <translation>Gecontroleerd bij de oplevering</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Intrekken…</translation>
    </message>
    <message>
        <source>Withdraw the measure, with a reason</source>
        <translation>De maatregel intrekken, met een reden</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Heropenen</translation>
    </message>
    <message>
        <source>Set the measure back to open</source>
        <translation>De maatregel weer op open zetten</translation>
    </message>
    <message>
        <source>{0} of {1} shown</source>
        <translation>{0} van {1} getoond</translation>
    </message>
    <message>
        <source>Measure {0}: {1}</source>
        <translation>Maatregel {0}: {1}</translation>
    </message>
    <message>
        <source>Your name (recorded with the date):</source>
        <translation>Uw naam (vastgelegd met de datum):</translation>
    </message>
    <message>
        <source>Withdraw measure {0}</source>
        <translation>Maatregel {0} intrekken</translation>
    </message>
    <message>
        <source>Why is the measure withdrawn?</source>
        <translation>Waarom wordt de maatregel ingetrokken?</translation>
    </message>
    <message>
        <source>A measure is withdrawn only with a reason.</source>
        <translation>Een maatregel wordt alleen met een reden ingetrokken.</translation>
    </message>
    <message>
        <source>The change was not recorded: give the name of who makes it.</source>
        <translation>De wijziging is niet vastgelegd: geef de naam van wie haar maakt.</translation>
    </message>
    <message>
        <source>The measure has this status already.</source>
        <translation>De maatregel heeft deze status al.</translation>
    </message>
    <message>
        <source>This criterion has no measure.</source>
        <translation>Dit criterium heeft geen maatregel.</translation>
    </message>
    <message>
        <source>Compare this review with the review of the {0} ({1}).</source>
        <translation>Vergelijk deze beoordeling met de beoordeling van het {0} ({1}).</translation>
    </message>
    <message>
        <source>Since then: {resolved} resolved, {new} new, {open} still open.</source>
        <translation>Sindsdien: {resolved} opgelost, {new} nieuw, {open} nog open.</translation>
    </message>
    <message>
        <source>Compare with the review of the {0} ({1}): choose its file, or save this review beside it.</source>
        <translation>Vergelijk met de beoordeling van het {0} ({1}): kies dat bestand, of sla deze beoordeling ernaast op.</translation>
    </message>
    <message>
        <source>The review of the {0} ({1}) is not beside this file: choose it to compare.</source>
        <translation>De beoordeling van het {0} ({1}) staat niet naast dit bestand: kies haar om te vergelijken.</translation>
    </message>
    <message>
        <source>Stages of this plan</source>
        <translation>Fasen van dit plan</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Perspective</source>
        <translation>Invalshoek</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Advies</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Maatregelen</translation>
    </message>
    <message>
        <source>Every condition and recommendation: open, processed in the drawings, verified at handover, or withdrawn with a reason. Each change is recorded with the date and the name of who made it. Double-click a row to go to its criterion.</source>
        <translation>Elke voorwaarde en aanbeveling: open, verwerkt in de tekeningen, gecontroleerd bij oplevering, of ingetrokken met een reden. Elke wijziging wordt vastgelegd met de datum en de naam van wie haar maakte. Dubbelklik op een regel om naar het criterium te gaan.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Overdue by stage</source>
        <translation>Te laat volgens de fase</translation>
    </message>
    <message>
        <source>Overdue: still open, and due by the plan&apos;s current stage or an earlier one</source>
        <translation>Te laat: nog open, en uiterlijk nodig in de huidige fase van het plan of een eerdere</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Maatregel</translation>
    </message>
    <message>
        <source>Who acts, by when</source>
        <translation>Wie, wanneer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changes since the previous stage</source>
        <translation>Wijzigingen sinds de vorige fase</translation>
    </message>
    <message>
        <source>Compare with the Previous Stage…</source>
        <translation>Vergelijken met de vorige fase…</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Review a building plan against the combined Safety &amp; Cohesion checklist: give each criterion a verdict, note what you see and what should change, and export the assessment as a PDF report.</source>
        <translation>Beoordeel een bouwplan aan de hand van de gecombineerde checklist Veiligheid &amp; Cohesie: geef elk criterium een oordeel, noteer wat u ziet en wat er moet veranderen, en exporteer de beoordeling als PDF-rapport.</translation>
    </message>
    <message>
        <source>New review…</source>
        <translation>Nieuwe beoordeling…</translation>
    </message>
    <message>
        <source>Open review…</source>
        <translation>Beoordeling openen…</translation>
    </message>
    <message>
        <source>Open the example</source>
        <translation>Het voorbeeld openen</translation>
    </message>
    <message>
        <source>Joint workshop: put the safety review and the cohesion review of one plan side by side, discuss where they differ and record what you agree on.</source>
        <translation>Gezamenlijke workshop: zet de beoordeling op veiligheid en die op cohesie van één plan naast elkaar, bespreek waar ze verschillen en leg vast wat u samen afspreekt.</translation>
    </message>
    <message>
        <source>New workshop…</source>
        <translation>Nieuwe workshop…</translation>
    </message>
    <message>
        <source>Try the example workshop</source>
        <translation>Voorbeeldworkshop proberen</translation>
    </message>
    <message>
        <source>The example reviews for the workshop are not installed.</source>
        <translation>De voorbeeldbeoordelingen voor de workshop zijn niet geïnstalleerd.</translation>
    </message>
    <message>
        <source>Recent reviews</source>
        <translation>Recente beoordelingen</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>Register…</translation>
    </message>
    <message>
        <source>Search the reviews of your unit in the register (Ctrl+R)</source>
        <translation>Zoek de beoordelingen van uw eenheid in het register (Ctrl+R)</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>Per month</source>
        <translation>Per maand</translation>
    </message>
    <message>
        <source>Per quarter</source>
        <translation>Per kwartaal</translation>
    </message>
    <message>
        <source>Per year</source>
        <translation>Per jaar</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>The statistics cannot be read: {0}</source>
        <translation>De statistiek kan niet worden gelezen: {0}</translation>
    </message>
    <message numerus="yes">
        <source>%n review(s)</source>
        <translation>
            <numerusform>%n beoordeling</numerusform>
            <numerusform>%n beoordelingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Outcomes per period</source>
        <translation>Uitkomsten per periode</translation>
    </message>
    <message>
        <source>Outcomes per municipality</source>
        <translation>Uitkomsten per gemeente</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <source>Criteria failed most often (share of the reviews that judged them)</source>
        <translation>Criteria die het vaakst niet voldoen (aandeel van de beoordelingen met een oordeel erover)</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <source>Positive</source>
        <translation>Positief</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>Voorwaardelijk</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negatief</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Onvolledig</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criteria</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Criteria of this review&apos;s perspective</source>
        <translation>Criteria van de invalshoek van deze beoordeling</translation>
    </message>
    <message>
        <source>Per section</source>
        <translation>Per onderdeel</translation>
    </message>
    <message>
        <source>No review open</source>
        <translation>Geen beoordeling geopend</translation>
    </message>
    <message>
        <source>Perspective: {0}</source>
        <translation>Invalshoek: {0}</translation>
    </message>
    <message>
        <source>Reviewer: {0}</source>
        <translation>Adviseur: {0}</translation>
    </message>
    <message>
        <source>Checklist: {0}, version {1}</source>
        <translation>Checklist: {0}, versie {1}</translation>
    </message>
    <message>
        <source>Profile: {0}</source>
        <translation>Profiel: {0}</translation>
    </message>
    <message>
        <source>{0} of {1} applicable criteria assessed</source>
        <translation>{0} van {1} toepasselijke criteria beoordeeld</translation>
    </message>
    <message>
        <source>Requirements not met ({0})</source>
        <translation>Eisen waaraan niet wordt voldaan ({0})</translation>
    </message>
    <message>
        <source>Click to open this criterion.</source>
        <translation>Klik om dit criterium te openen.</translation>
    </message>
    <message>
        <source>None: every requirement is met or not yet assessed.</source>
        <translation>Geen: aan elke eis wordt voldaan of die is nog niet beoordeeld.</translation>
    </message>
    <message>
        <source>Choose another outcome…</source>
        <translation>Ander advies kiezen…</translation>
    </message>
    <message>
        <source>Change the choice…</source>
        <translation>Keuze wijzigen…</translation>
    </message>
    <message>
        <source>Proposed by the checklist: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>Voorgesteld door de toetslijst: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Chosen by the adviser: &lt;b&gt;{0}&lt;/b&gt;, because: {1}</source>
        <translation>Gekozen door de adviseur: &lt;b&gt;{0}&lt;/b&gt;, omdat: {1}</translation>
    </message>
    <message>
        <source>who: {0}</source>
        <translation>wie: {0}</translation>
    </message>
    <message>
        <source>by stage: {0}</source>
        <translation>uiterlijk in fase: {0}</translation>
    </message>
    <message>
        <source>who acts and by which stage not given</source>
        <translation>wie en uiterlijk in welke fase niet opgegeven</translation>
    </message>
    <message>
        <source>In the letter — conditions: {0}, recommendations: {1}</source>
        <translation>In de brief — voorwaarden: {0}, aanbevelingen: {1}</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Voorwaarden</translation>
    </message>
    <message>
        <source>Recommendations</source>
        <translation>Aanbevelingen</translation>
    </message>
    <message>
        <source>Choose another outcome</source>
        <translation>Ander advies kiezen</translation>
    </message>
    <message>
        <source>Proposed by the checklist: {0}. Which outcome do you advise?</source>
        <translation>Voorgesteld door de toetslijst: {0}. Welk advies geeft u?</translation>
    </message>
    <message>
        <source>Reason for another outcome</source>
        <translation>Reden voor een ander advies</translation>
    </message>
    <message>
        <source>Why do you advise “{0}” instead of “{1}”? The letter prints the reason.</source>
        <translation>Waarom adviseert u “{0}” in plaats van “{1}”? De brief vermeldt de reden.</translation>
    </message>
    <message>
        <source>Outcome not changed</source>
        <translation>Advies niet gewijzigd</translation>
    </message>
    <message>
        <source>Another outcome than the proposed one needs a written reason.</source>
        <translation>Een ander advies dan het voorgestelde vraagt om een geschreven reden.</translation>
    </message>
    <message>
        <source>Back to the proposal</source>
        <translation>Terug naar het voorstel</translation>
    </message>
    <message>
        <source>Use the outcome the checklist&apos;s rules propose again</source>
        <translation>Weer het advies gebruiken dat de regels van de toetslijst voorstellen</translation>
    </message>
</context>
<context>
    <name>UpgradeDialog</name>
    <message>
        <source>Update to checklist {version}</source>
        <translation>Bijwerken naar toetslijst {version}</translation>
    </message>
    <message>
        <source>This review was made with checklist {old}. Updating carries the verdicts, notes, photos and pins over to checklist {new} by criterion, runs the rules again, and opens the result as a new review. The original file stays as it is.</source>
        <translation>Deze beoordeling is gemaakt met toetslijst {old}. Bijwerken neemt de oordelen, notities, foto&apos;s en spelden per criterium over naar toetslijst {new}, toetst de regels opnieuw en opent het resultaat als nieuwe beoordeling. Het oorspronkelijke bestand blijft zoals het is.</translation>
    </message>
    <message>
        <source>Not given (every criterion applies)</source>
        <translation>Niet opgegeven (elk criterium geldt)</translation>
    </message>
    <message>
        <source>No profile (the whole checklist)</source>
        <translation>Geen profiel (volledige toetslijst)</translation>
    </message>
    <message>
        <source>Plan type</source>
        <translation>Soort plan</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiel</translation>
    </message>
    <message>
        <source>Check the criteria marked ≠ (threshold or check changed) and ↕ (level changed) again; new criteria (+) start unassessed or with their rule&apos;s verdict.</source>
        <translation>Bekijk de criteria met ≠ (drempel of toets gewijzigd) en ↕ (niveau gewijzigd) opnieuw; nieuwe criteria (+) beginnen onbeoordeeld of met het oordeel van hun regel.</translation>
    </message>
    <message>
        <source>Open as New Review</source>
        <translation>Openen als nieuwe beoordeling</translation>
    </message>
    <message>
        <source>Not carried over: {what}</source>
        <translation>Niet overgenomen: {what}</translation>
    </message>
    <message>
        <source>{added} added, {removed} removed, {changed} changed in level, scope or check</source>
        <translation>{added} toegevoegd, {removed} vervallen, {changed} gewijzigd in niveau, reikwijdte of toets</translation>
    </message>
    <message>
        <source>Checklist is current</source>
        <translation>Toetslijst is actueel</translation>
    </message>
    <message>
        <source>This review already uses checklist {id} {version}.</source>
        <translation>Deze beoordeling gebruikt al toetslijst {id} {version}.</translation>
    </message>
    <message>
        <source>Updated to checklist {version}: {n} changes. Save it under a new name.</source>
        <translation>Bijgewerkt naar toetslijst {version}: {n} wijzigingen. Sla haar op onder een nieuwe naam.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Opnieuw</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>Beoor&amp;deling</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Recent geopend</translation>
    </message>
    <message>
        <source>&amp;New Review…</source>
        <translation>&amp;Nieuwe beoordeling…</translation>
    </message>
    <message>
        <source>Start a review of a plan (Ctrl+N)</source>
        <translation>Een beoordeling van een plan starten (Ctrl+N)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>New &amp;Workshop…</source>
        <translation>Nieuwe &amp;workshop…</translation>
    </message>
    <message>
        <source>Compare two reviews of one plan in a joint workshop (Ctrl+Shift+W)</source>
        <translation>Twee beoordelingen van één plan vergelijken in een gezamenlijke workshop (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Openen…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Open a review or a workshop (Ctrl+O)</source>
        <translation>Een beoordeling of workshop openen (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Save the review (Ctrl+S)</source>
        <translation>De beoordeling opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Opslaan &amp;als…</translation>
    </message>
    <message>
        <source>&amp;Export PDF Report…</source>
        <translation>PDF-rapport &amp;exporteren…</translation>
    </message>
    <message>
        <source>&amp;Sign and Export PDF…</source>
        <translation>&amp;Ondertekenen en PDF exporteren…</translation>
    </message>
    <message>
        <source>Export the advice with a digital signature (PAdES) from your certificate</source>
        <translation>Het advies exporteren met een digitale handtekening (PAdES) met uw certificaat</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exporteren</translation>
    </message>
    <message>
        <source>Export &amp;BCF…</source>
        <translation>&amp;BCF exporteren…</translation>
    </message>
    <message>
        <source>The findings as BCF 2.1 topics for a BIM tool (Revit, ArchiCAD, Solibri, BIMcollab) (Ctrl+Shift+B)</source>
        <translation>De bevindingen als BCF 2.1-onderwerpen voor een BIM-programma (Revit, ArchiCAD, Solibri, BIMcollab) (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>&amp;Import BCF Replies…</source>
        <translation>BCF-reacties &amp;inlezen…</translation>
    </message>
    <message>
        <source>Read the architect&apos;s comments and status changes from a BCF file a BIM tool wrote back (Ctrl+Alt+B)</source>
        <translation>De opmerkingen en statuswijzigingen van de architect inlezen uit een BCF-bestand dat een BIM-programma terugschreef (Ctrl+Alt+B)</translation>
    </message>
    <message>
        <source>&amp;Close Workshop</source>
        <translation>Workshop s&amp;luiten</translation>
    </message>
    <message>
        <source>&amp;Close Review</source>
        <translation>Beoordeling s&amp;luiten</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <source>&amp;Find Criterion</source>
        <translation>Criterium &amp;zoeken</translation>
    </message>
    <message>
        <source>&amp;Next Unassessed</source>
        <translation>&amp;Volgende niet beoordeelde</translation>
    </message>
    <message>
        <source>Next unassessed</source>
        <translation>Volgende niet beoordeelde</translation>
    </message>
    <message>
        <source>Go to the next criterion without a verdict (F3 or Ctrl+Return)</source>
        <translation>Naar het volgende criterium zonder oordeel (F3 of Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Previous Criterion</source>
        <translation>V&amp;orig criterium</translation>
    </message>
    <message>
        <source>Ne&amp;xt Criterion</source>
        <translation>Volgend c&amp;riterium</translation>
    </message>
    <message>
        <source>Verdict: {0}</source>
        <translation>Oordeel: {0}</translation>
    </message>
    <message>
        <source>Clear Verdict</source>
        <translation>Oordeel wissen</translation>
    </message>
    <message>
        <source>Go to &amp;Notes</source>
        <translation>Naar &amp;notities</translation>
    </message>
    <message>
        <source>Add &amp;Photos…</source>
        <translation>&amp;Foto&apos;s toevoegen…</translation>
    </message>
    <message>
        <source>&amp;Criterion</source>
        <translation>&amp;Criterium</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>&amp;Samenvatting</translation>
    </message>
    <message>
        <source>&amp;Drawings</source>
        <translation>&amp;Tekeningen</translation>
    </message>
    <message>
        <source>D&amp;ossier</source>
        <translation>D&amp;ossier</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <source>Drawings</source>
        <translation>Tekeningen</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Open the &amp;Example</source>
        <translation>&amp;Voorbeeld openen</translation>
    </message>
    <message>
        <source>Open the Example &amp;Workshop</source>
        <translation>Voorbeeld&amp;workshop openen</translation>
    </message>
    <message>
        <source>Compare with an Earlier &amp;Revision…</source>
        <translation>&amp;Vergelijken met een eerdere revisie…</translation>
    </message>
    <message>
        <source>What was resolved, what is new and what is still open since a revision</source>
        <translation>Wat is opgelost, wat is nieuw en wat staat nog open sinds een eerdere revisie</translation>
    </message>
    <message>
        <source>Next &amp;Stage…</source>
        <translation>Volgende &amp;fase…</translation>
    </message>
    <message>
        <source>A new review of this plan at a later stage, with the plan, the drawings and the open measures carried over</source>
        <translation>Een nieuwe beoordeling van dit plan in een latere fase, met het plan, de tekeningen en de open maatregelen overgenomen</translation>
    </message>
    <message>
        <source>New Review of This &amp;Plan…</source>
        <translation>Nieuwe beoordeling van dit &amp;plan…</translation>
    </message>
    <message>
        <source>A new review of this plan at the same stage, from the other perspective</source>
        <translation>Een nieuwe beoordeling van dit plan in dezelfde fase, vanuit de andere invalshoek</translation>
    </message>
    <message>
        <source>&amp;Adopt the Previous Verdict</source>
        <translation>Vorig oordeel &amp;overnemen</translation>
    </message>
    <message>
        <source>Take over the verdict the review of the previous stage gave this criterion</source>
        <translation>Het oordeel overnemen dat de beoordeling van de vorige fase dit criterium gaf</translation>
    </message>
    <message>
        <source>&amp;Update to the Current Checklist…</source>
        <translation>&amp;Bijwerken naar de huidige toetslijst…</translation>
    </message>
    <message>
        <source>Carry this review over to the checklist shipped with the app, as a new review</source>
        <translation>Deze beoordeling overzetten naar de toetslijst van de app, als nieuwe beoordeling</translation>
    </message>
    <message>
        <source>&amp;Import IFC Model…</source>
        <translation>IFC-model &amp;importeren…</translation>
    </message>
    <message>
        <source>Start a review from an IFC model: a drawing per storey and plan facts as suggestions to confirm (Ctrl+Shift+I)</source>
        <translation>Begin een beoordeling vanuit een IFC-model: een tekening per bouwlaag en plangegevens als voorstellen om te bevestigen (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <source>Update from &amp;IFC…</source>
        <translation>Bijwerken uit &amp;IFC…</translation>
    </message>
    <message>
        <source>Read a newer IFC model into this review: its suggestions and drawings; what you typed or confirmed stays (Ctrl+Shift+U)</source>
        <translation>Lees een nieuwer IFC-model in deze beoordeling: de voorstellen en tekeningen; wat u invulde of bevestigde blijft (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <source>&amp;Workshop</source>
        <translation>W&amp;orkshop</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Over</translation>
    </message>
    <message>
        <source>Save to Re&amp;gister</source>
        <translation>Opslaan in het re&amp;gister</translation>
    </message>
    <message>
        <source>Save the document in the register, where your team finds it (Ctrl+Alt+S)</source>
        <translation>Sla het document op in het register, waar uw team het vindt (Ctrl+Alt+S)</translation>
    </message>
    <message>
        <source>Re&amp;gister…</source>
        <translation>Re&amp;gister…</translation>
    </message>
    <message>
        <source>Search the reviews of your unit in the register and open one (Ctrl+R)</source>
        <translation>Zoek de beoordelingen van uw eenheid in het register en open er een (Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Organisation…</source>
        <translation>&amp;Organisatie…</translation>
    </message>
    <message>
        <source>Letterhead, default contact, signatory and standard texts of your advice</source>
        <translation>Briefhoofd, standaardcontactpersoon, ondertekenaar en standaardteksten van uw advies</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkbalk</translation>
    </message>
    <message>
        <source>No recent reviews</source>
        <translation>Geen recente beoordelingen</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>Lijst wissen</translation>
    </message>
</context>
<context>
    <name>WorkshopDetail</name>
    <message>
        <source>Joint conclusion: agreed verdict (keys 1–4)</source>
        <translation>Gezamenlijke conclusie: afgesproken oordeel (toetsen 1–4)</translation>
    </message>
    <message>
        <source>Meets</source>
        <translation>Voldoet</translation>
    </message>
    <message>
        <source>Partly</source>
        <translation>Gedeeltelijk</translation>
    </message>
    <message>
        <source>Does not meet</source>
        <translation>Voldoet niet</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>N.v.t.</translation>
    </message>
    <message>
        <source>Agree on “{0}” (key {1})</source>
        <translation>Samen “{0}” afspreken (toets {1})</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Remove the joint conclusion (key 0)</source>
        <translation>De gezamenlijke conclusie verwijderen (toets 0)</translation>
    </message>
    <message>
        <source>Agreed &amp;measure:</source>
        <translation>Afgesproken &amp;maatregel:</translation>
    </message>
    <message>
        <source>What the plan should change…</source>
        <translation>Wat er aan het plan moet veranderen…</translation>
    </message>
    <message>
        <source>Take the measure review A recommends</source>
        <translation>De maatregel overnemen die beoordeling A aanbeveelt</translation>
    </message>
    <message>
        <source>Take the measure review B recommends</source>
        <translation>De maatregel overnemen die beoordeling B aanbeveelt</translation>
    </message>
    <message>
        <source>&amp;Who acts (owner):</source>
        <translation>Ei&amp;genaar (actiehouder):</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>Te&amp;rmijn:</translation>
    </message>
    <message>
        <source>The stage of the design by which it is done</source>
        <translation>De ontwerpfase waarvóór het geregeld moet zijn</translation>
    </message>
    <message>
        <source>In both reviews a&amp;s:</source>
        <translation>In beide adviezen al&amp;s:</translation>
    </message>
    <message>
        <source>A condition must be met for the advice to hold; a recommendation does not decide the outcome. Workshop → Carry Decisions into Both Reviews writes it into both reviews.</source>
        <translation>Aan een voorwaarde moet het plan voldoen om het advies te laten gelden; een aanbeveling bepaalt de uitkomst niet. Werksessie → Besluiten overnemen in beide beoordelingen zet het in beide beoordelingen.</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>geen termijn</translation>
    </message>
    <message>
        <source>e.g. architect, municipality, housing association</source>
        <translation>bijv. architect, gemeente, woningcorporatie</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>N&amp;otitie:</translation>
    </message>
    <message>
        <source>What was discussed, what remains…</source>
        <translation>Wat is besproken, wat blijft er over…</translation>
    </message>
    <message>
        <source>Tension</source>
        <translation>Spanning</translation>
    </message>
    <message>
        <source>Choose a criterion in the list.</source>
        <translation>Kies een criterium in de lijst.</translation>
    </message>
    <message>
        <source>Source: {0}</source>
        <translation>Bron: {0}</translation>
    </message>
    <message>
        <source>{0} Rests on differing plan facts: the verdicts may differ because the facts do.</source>
        <translation>{0} Rust op plangegevens die verschillen: de oordelen kunnen verschillen omdat de gegevens verschillen.</translation>
    </message>
    <message>
        <source>In tension with {0}: {1}</source>
        <translation>Op gespannen voet met {0}: {1}</translation>
    </message>
    <message>
        <source>Measure {0}: {1}</source>
        <translation>Maatregel {0}: {1}</translation>
    </message>
    <message>
        <source>Agreed: {0}</source>
        <translation>Afgesproken: {0}</translation>
    </message>
</context>
<context>
    <name>WorkshopHeader</name>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Workshop title</source>
        <translation>Titel van de workshop</translation>
    </message>
    <message>
        <source>Cha&amp;ir:</source>
        <translation>&amp;Voorzitter:</translation>
    </message>
    <message>
        <source>Pla&amp;ce:</source>
        <translation>P&amp;laats:</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Who chaired the workshop</source>
        <translation>Wie de werksessie voorzat</translation>
    </message>
    <message>
        <source>&amp;Attendance ({0})…</source>
        <translation>&amp;Aanwezigen ({0})…</translation>
    </message>
    <message>
        <source>Who attended: name, role and organisation, for the report</source>
        <translation>Wie aanwezig waren: naam, rol en organisatie, voor het verslag</translation>
    </message>
    <message>
        <source>No workshop open</source>
        <translation>Geen workshop geopend</translation>
    </message>
    <message>
        <source>Workshop: {0}</source>
        <translation>Workshop: {0}</translation>
    </message>
    <message>
        <source>Checklist {0}</source>
        <translation>Checklist {0}</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>niet te bepalen</translation>
    </message>
    <message>
        <source>agreement (n = {0})</source>
        <translation>overeenstemming (n = {0})</translation>
    </message>
    <message>
        <source>Share of the criteria both reviews assessed on which they give the same verdict</source>
        <translation>Aandeel van de door beide beoordelingen beoordeelde criteria waarop ze hetzelfde oordeel geven</translation>
    </message>
    <message>
        <source>weighted kappa (n = {0})</source>
        <translation>gewogen kappa (n = {0})</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa, linearly weighted over meets &gt; partly &gt; fails: agreement beyond chance. Undefined when there is nothing to compare or both reviews put every criterion in one and the same category.</source>
        <translation>Cohens kappa, lineair gewogen over voldoet &gt; deels &gt; voldoet niet: overeenstemming boven toeval. Niet te bepalen als er niets te vergelijken is of als beide beoordelingen elk criterium in één en dezelfde categorie plaatsen.</translation>
    </message>
    <message>
        <source>open: no joint conclusion yet</source>
        <translation>open: nog geen gezamenlijke conclusie</translation>
    </message>
    <message>
        <source>Differences, conflicts and one-sided verdicts without an agreed verdict</source>
        <translation>Verschillen, conflicten en eenzijdige oordelen zonder afgesproken oordeel</translation>
    </message>
</context>
<context>
    <name>WorkshopModel</name>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterium</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Review A: {0}</source>
        <translation>Beoordeling A: {0}</translation>
    </message>
    <message>
        <source>Review B: {0}</source>
        <translation>Beoordeling B: {0}</translation>
    </message>
    <message>
        <source>Rests on plan facts the two reviews give differently</source>
        <translation>Rust op plangegevens die de twee beoordelingen anders ingeven</translation>
    </message>
    <message>
        <source>In tension with another criterion</source>
        <translation>Op gespannen voet met een ander criterium</translation>
    </message>
    <message>
        <source>Joint conclusion recorded</source>
        <translation>Gezamenlijke conclusie vastgelegd</translation>
    </message>
    <message>
        <source>{0}: A {1}, B {2}, {3}</source>
        <translation>{0}: A {1}, B {2}, {3}</translation>
    </message>
    <message>
        <source>meets</source>
        <translation>voldoet</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>gedeeltelijk</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>voldoet niet</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n.v.t.</translation>
    </message>
    <message>
        <source>In tension with: {0}</source>
        <translation>Op gespannen voet met: {0}</translation>
    </message>
    <message>
        <source>No joint conclusion yet</source>
        <translation>Nog geen gezamenlijke conclusie</translation>
    </message>
    <message>
        <source>Agreed verdict: {0}</source>
        <translation>Afgesproken oordeel: {0}</translation>
    </message>
    <message>
        <source>Agreed measure: {0}</source>
        <translation>Afgesproken maatregel: {0}</translation>
    </message>
    <message>
        <source>Who acts: {0}</source>
        <translation>Actiehouder: {0}</translation>
    </message>
    <message>
        <source>Measure: {0}</source>
        <translation>Maatregel: {0}</translation>
    </message>
    <message>
        <source>Both reviews give the same verdict</source>
        <translation>Beide beoordelingen geven hetzelfde oordeel</translation>
    </message>
    <message>
        <source>The verdicts are one step apart</source>
        <translation>De oordelen liggen één stap uit elkaar</translation>
    </message>
    <message>
        <source>One review says it meets, the other that it fails</source>
        <translation>De ene beoordeling zegt voldoet, de andere voldoet niet</translation>
    </message>
    <message>
        <source>Only review A gave a verdict</source>
        <translation>Alleen beoordeling A gaf een oordeel</translation>
    </message>
    <message>
        <source>Only review B gave a verdict</source>
        <translation>Alleen beoordeling B gaf een oordeel</translation>
    </message>
    <message>
        <source>Neither review gave a verdict</source>
        <translation>Geen van beide beoordelingen gaf een oordeel</translation>
    </message>
    <message>
        <source>{0} (A {1}, B {2})</source>
        <translation>{0} (A {1}, B {2})</translation>
    </message>
    <message>
        <source>Rests on differing plan facts: the verdicts may differ because the facts do.</source>
        <translation>Rust op plangegevens die verschillen: de oordelen kunnen verschillen omdat de gegevens verschillen.</translation>
    </message>
</context>
<context>
    <name>WorkshopSession</name>
    <message>
        <source>{0} (workshop)</source>
        <translation>{0} (workshop)</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>The workshop was not saved</source>
        <translation>De workshop is niet opgeslagen</translation>
    </message>
    <message>
        <source>The workshop cannot be opened</source>
        <translation>De workshop kan niet worden geopend</translation>
    </message>
    <message>
        <source>Agreed verdict {0}</source>
        <translation>Afgesproken oordeel {0}</translation>
    </message>
    <message>
        <source>Deadline of decision {0}</source>
        <translation>Termijn van besluit {0}</translation>
    </message>
    <message>
        <source>Condition or recommendation {0}</source>
        <translation>Voorwaarde of aanbeveling {0}</translation>
    </message>
    <message>
        <source>Edit joint conclusion {0}</source>
        <translation>Gezamenlijke conclusie {0} bewerken</translation>
    </message>
    <message>
        <source>Clear joint conclusion {0}</source>
        <translation>Gezamenlijke conclusie {0} wissen</translation>
    </message>
    <message>
        <source>Edit workshop title</source>
        <translation>Titel van de workshop bewerken</translation>
    </message>
    <message>
        <source>Edit chair</source>
        <translation>Voorzitter wijzigen</translation>
    </message>
    <message>
        <source>Edit place</source>
        <translation>Plaats wijzigen</translation>
    </message>
    <message>
        <source>Edit participants</source>
        <translation>Deelnemers bewerken</translation>
    </message>
    <message>
        <source>Edit attendance</source>
        <translation>Aanwezigen wijzigen</translation>
    </message>
    <message>
        <source>Carry decisions into both reviews</source>
        <translation>Besluiten overnemen in beide beoordelingen</translation>
    </message>
</context>
<context>
    <name>WorkshopView</name>
    <message>
        <source>Differences</source>
        <translation>Verschillen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Tensions</source>
        <translation>Spanningen</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>&amp;Next Open Difference</source>
        <translation>Volgend &amp;open verschil</translation>
    </message>
    <message>
        <source>Next open</source>
        <translation>Volgend open</translation>
    </message>
    <message>
        <source>Go to the next difference without a joint conclusion (F3)</source>
        <translation>Naar het volgende verschil zonder gezamenlijke conclusie (F3)</translation>
    </message>
    <message>
        <source>Previous Open Difference</source>
        <translation>Vorig open verschil</translation>
    </message>
    <message>
        <source>Ne&amp;xt Criterion</source>
        <translation>Volgend c&amp;riterium</translation>
    </message>
    <message>
        <source>&amp;Previous Criterion</source>
        <translation>V&amp;orig criterium</translation>
    </message>
    <message>
        <source>Agreed Verdict: {0}</source>
        <translation>Afgesproken oordeel: {0}</translation>
    </message>
    <message>
        <source>Clear Joint Conclusion</source>
        <translation>Gezamenlijke conclusie wissen</translation>
    </message>
    <message>
        <source>Go to Agreed &amp;Measure</source>
        <translation>Naar afgesproken &amp;maatregel</translation>
    </message>
    <message>
        <source>&amp;Carry Decisions into Both Reviews</source>
        <translation>Besluiten overnemen in &amp;beide beoordelingen</translation>
    </message>
    <message>
        <source>Write every agreed measure into both reviews as a condition or recommendation, with its owner and deadline (one undo step)</source>
        <translation>Elke afgesproken maatregel als voorwaarde of aanbeveling in beide beoordelingen zetten, met eigenaar en termijn (één stap om ongedaan te maken)</translation>
    </message>
    <message>
        <source>Differences, conflicts and one-sided verdicts</source>
        <translation>Verschillen, conflicten en eenzijdige oordelen</translation>
    </message>
    <message>
        <source>Differences without an agreed verdict yet</source>
        <translation>Verschillen nog zonder afgesproken oordeel</translation>
    </message>
    <message>
        <source>One review says it meets, the other that it fails</source>
        <translation>De ene beoordeling zegt voldoet, de andere voldoet niet</translation>
    </message>
    <message>
        <source>Criteria in a tension pair</source>
        <translation>Criteria die op gespannen voet met elkaar staan</translation>
    </message>
    <message>
        <source>Every criterion</source>
        <translation>Alle criteria</translation>
    </message>
    <message>
        <source>Show: {0}</source>
        <translation>Tonen: {0}</translation>
    </message>
    <message>
        <source>Nothing to show under this filter.</source>
        <translation>Niets te tonen met dit filter.</translation>
    </message>
    <message>
        <source>Criteria side by side</source>
        <translation>Criteria naast elkaar</translation>
    </message>
    <message>
        <source>No criterion&apos;s rule reads this fact.</source>
        <translation>Geen regel van een criterium leest dit gegeven.</translation>
    </message>
    <message>
        <source>Every difference in the list has a joint conclusion.</source>
        <translation>Elk verschil in de lijst heeft een gezamenlijke conclusie.</translation>
    </message>
    <message>
        <source>There are no joint decisions to carry: agree on a measure for a criterion first.</source>
        <translation>Er zijn geen gezamenlijke besluiten om over te nemen: spreek eerst een maatregel af bij een criterium.</translation>
    </message>
    <message>
        <source>Both reviews hold every joint decision already.</source>
        <translation>Beide beoordelingen bevatten alle gezamenlijke besluiten al.</translation>
    </message>
    <message>
        <source>Joint decisions carried into both reviews: {0}.</source>
        <translation>Gezamenlijke besluiten overgenomen in beide beoordelingen: {0}.</translation>
    </message>
    <message>
        <source>Measures of an adviser&apos;s own kept, the decision after them: {0}.</source>
        <translation>Eigen maatregelen van een adviseur behouden, met het besluit erachter: {0}.</translation>
    </message>
    <message>
        <source>Not carried: {0}.</source>
        <translation>Niet overgenomen: {0}.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Unexpected error</source>
        <translation>Onverwachte fout</translation>
    </message>
    <message>
        <source>Something went wrong: {0}

Your review is still open. Save it under a new name if you are unsure it is intact, and please report this problem.</source>
        <translation>Er ging iets mis: {0}

Uw beoordeling is nog geopend. Sla haar onder een nieuwe naam op als u twijfelt of ze nog intact is, en meld dit probleem alstublieft.</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Reviews (*.review)</source>
        <translation>Beoordelingen (*.review)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <source>Save the changes to “{0}”?</source>
        <translation>Wijzigingen in “{0}” opslaan?</translation>
    </message>
    <message>
        <source>Your changes are lost if you don&apos;t save them.</source>
        <translation>Uw wijzigingen gaan verloren als u ze niet opslaat.</translation>
    </message>
    <message>
        <source>Reviews and workshops (*.review *.workshop)</source>
        <translation>Beoordelingen en workshops (*.review *.workshop)</translation>
    </message>
    <message>
        <source>Workshops (*.workshop)</source>
        <translation>Workshops (*.workshop)</translation>
    </message>
    <message>
        <source>Open review</source>
        <translation>Beoordeling openen</translation>
    </message>
    <message>
        <source>Save review as</source>
        <translation>Beoordeling opslaan als</translation>
    </message>
    <message>
        <source>Export PDF report</source>
        <translation>PDF-rapport exporteren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-documenten (*.pdf)</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Foto&apos;s toevoegen</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Foto&apos;s (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Import IFC model</source>
        <translation>IFC-model importeren</translation>
    </message>
    <message>
        <source>IFC models (*.ifc *.ifczip)</source>
        <translation>IFC-modellen (*.ifc *.ifczip)</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen herstellen</translation>
    </message>
    <message>
        <source>The app was not closed properly. Recover the unsaved changes to “{0}”?</source>
        <translation>Het programma is niet goed afgesloten. De niet-opgeslagen wijzigingen in “{0}” herstellen?</translation>
    </message>
    <message>
        <source>Changed in the register by someone else</source>
        <translation>In het register gewijzigd door iemand anders</translation>
    </message>
    <message>
        <source>“{0}” was saved in the register by {1} ({2}) after you opened it.</source>
        <translation>“{0}” is in het register opgeslagen door {1} ({2}) nadat u het opende.</translation>
    </message>
    <message>
        <source>Saving over it would lose their changes, so it was not saved. Reload their version (your changes are lost), or save yours as a new document in the same dossier and compare the two.</source>
        <translation>Eroverheen opslaan zou hun wijzigingen wissen, dus het is niet opgeslagen. Laad hun versie opnieuw (uw wijzigingen gaan verloren), of sla uw versie op als nieuw document in hetzelfde dossier en vergelijk de twee.</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Opslaan als nieuw</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>Hun versie laden</translation>
    </message>
    <message>
        <source>Certificate to sign with</source>
        <translation>Certificaat om mee te ondertekenen</translation>
    </message>
    <message>
        <source>Certificates (*.p12 *.pfx)</source>
        <translation>Certificaten (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase of {0} (empty if it has none):</source>
        <translation>Wachtwoordzin van {0} (leeg als het er geen heeft):</translation>
    </message>
    <message>
        <source>(never saved)</source>
        <translation>(nooit opgeslagen)</translation>
    </message>
    <message>
        <source>Autosaved {0}.
Original file: {1}</source>
        <translation>Automatisch opgeslagen {0}.
Oorspronkelijk bestand: {1}</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>File in use</source>
        <translation>Bestand in gebruik</translation>
    </message>
    <message>
        <source>“{0}” is open by {1} since {2}.</source>
        <translation>“{0}” is geopend door {1} sinds {2}.</translation>
    </message>
    <message>
        <source>Open it read-only to look at it or save a copy under another name. Saving over it while the other person works on it would lose their changes or yours.</source>
        <translation>Open het alleen-lezen om het te bekijken of een kopie onder een andere naam op te slaan. Overschrijven terwijl de ander eraan werkt, zou diens wijzigingen of de uwe verloren laten gaan.</translation>
    </message>
    <message>
        <source>Take over only when you are sure the file is no longer open there (for instance, that computer crashed).</source>
        <translation>Neem het alleen over als u zeker weet dat het bestand daar niet meer open is (bijvoorbeeld omdat die computer is vastgelopen).</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Alleen-lezen openen</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Overnemen</translation>
    </message>
    <message>
        <source>File changed by someone else</source>
        <translation>Bestand gewijzigd door iemand anders</translation>
    </message>
    <message>
        <source>“{0}” was saved by someone else ({1}) after you opened it.</source>
        <translation>“{0}” is door iemand anders opgeslagen ({1}) nadat u het opende.</translation>
    </message>
    <message>
        <source>Saving over it would lose their changes, so it was not saved. Save your version under another name, then compare the two and merge what you need.</source>
        <translation>Overschrijven zou diens wijzigingen verloren laten gaan, dus er is niet opgeslagen. Sla uw versie onder een andere naam op, vergelijk daarna beide en neem over wat u nodig hebt.</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergelijken</translation>
    </message>
    <message>
        <source>Add drawings</source>
        <translation>Tekeningen toevoegen</translation>
    </message>
    <message>
        <source>Drawings (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Tekeningen (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>signing</name>
    <message>
        <source>Advice on the building plan</source>
        <translation>Advies over het bouwplan</translation>
    </message>
    <message>
        <source>Cannot sign</source>
        <translation>Ondertekenen niet mogelijk</translation>
    </message>
</context>
<context>
    <name>workshop_dialogs</name>
    <message>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Save workshop as</source>
        <translation>Workshop opslaan als</translation>
    </message>
    <message>
        <source>Workshops (*.workshop)</source>
        <translation>Workshops (*.workshop)</translation>
    </message>
    <message>
        <source>Compare with an earlier revision</source>
        <translation>Vergelijken met een eerdere revisie</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <source>municipality</source>
        <translation>gemeente</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leeg)</translation>
    </message>
    <message>
        <source>{0}: “{1}” and “{2}”</source>
        <translation>{0}: “{1}” en “{2}”</translation>
    </message>
    <message>
        <source>{0} and {1} name the plan differently:</source>
        <translation>{0} en {1} noemen het plan verschillend:</translation>
    </message>
    <message>
        <source>The reviews name the plan differently</source>
        <translation>De beoordelingen noemen het plan verschillend</translation>
    </message>
    <message>
        <source>A workshop compares two reviews of the same plan. Compare them anyway only if they are of the same plan, for instance when one of them has a typing error; the workshop and its report then say how the plan is named on each side.</source>
        <translation>Een workshop vergelijkt twee beoordelingen van hetzelfde plan. Vergelijk ze alleen toch als ze over hetzelfde plan gaan, bijvoorbeeld wanneer er in één ervan een tikfout staat; de workshop en het verslag vermelden dan hoe elke kant het plan noemt.</translation>
    </message>
    <message>
        <source>Compare Anyway</source>
        <translation>Toch vergelijken</translation>
    </message>
    <message>
        <source>A workshop compares two reviews of the same plan.</source>
        <translation>Een workshop vergelijkt twee beoordelingen van hetzelfde plan.</translation>
    </message>
</context>
</TS>
