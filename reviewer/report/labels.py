"""Every string the report itself writes, in Dutch and English.

Checklist texts and domain labels (verdicts, levels, perspectives, element types) come
from the domain; only what the report adds lives here.
"""

from __future__ import annotations

from datetime import date, datetime

from reviewer.domain.checklist import OutcomeResult
from reviewer.domain.numbers import format_number
from reviewer.domain.review import Priority
from reviewer.domain.text import Lang, Text, t

LABELS: dict[str, Text] = {
    # cover
    "kicker": t("Advies veiligheid en sociale cohesie", "Safety and social cohesion advice"),
    "title": t("Beoordeling van het bouwplan", "Assessment of the building plan"),
    "address": t("Adres", "Address"),
    "municipality": t("Gemeente", "Municipality"),
    "client": t("Opdrachtgever", "Client"),
    "architect": t("Architect", "Architect"),
    "phase": t("Fase", "Phase"),
    "plan_type": t("Soort plan", "Plan type"),
    "revision": t("Revisie", "Revision"),
    "perspective": t("Invalshoek", "Point of view"),
    "reviewer": t("Adviseur", "Adviser"),
    "role": t("Functie", "Role"),
    "organisation": t("Organisatie", "Organisation"),
    "date": t("Datum", "Date"),
    "checklist": t("Toetskader", "Checklist"),
    "version": t("versie", "version"),
    "outcome": t("Uitkomst", "Outcome"),
    "with_profile": t("profiel {title}", "profile {title}"),
    "profile_version": t("(versie {version})", "(version {version})"),
    "no_profile": t("zonder profiel", "without a profile"),
    # summary
    "summary": t("Samenvatting", "Summary"),
    "progress": t(
        "{done} van {total} toepasselijke criteria beoordeeld ({pct}).",
        "{done} of {total} applicable criteria assessed ({pct}).",
    ),
    "progress_none": t(
        "Er zijn geen toepasselijke criteria voor deze invalshoek.",
        "There are no applicable criteria for this point of view.",
    ),
    "scope": t(
        "Beoordeeld vanuit de invalshoek {perspective}: {n} van de {total} criteria van "
        "de toetslijst horen bij deze invalshoek.",
        "Assessed from the point of view of {perspective}: {n} of the checklist's {total} "
        "criteria belong to this point of view.",
    ),
    "tally": t("Oordelen per onderdeel", "Verdicts per section"),
    "tally_intro": t(
        "Aantal criteria binnen deze invalshoek per oordeel.",
        "Number of criteria within this point of view, by verdict.",
    ),
    "section": t("Onderdeel", "Section"),
    "total": t("Totaal", "Total"),
    "failing": t("Eisen waaraan het plan niet voldoet", "Requirements the plan does not meet"),
    "failing_none": t(
        "Geen enkele eis is beoordeeld als ‘voldoet niet’.",
        "No requirement has been assessed as ‘does not meet’.",
    ),
    # plan facts
    "facts": t("Plangegevens en toetsing aan de regels", "Plan facts and rule results"),
    "facts_intro": t(
        "De meetbare criteria per soort planonderdeel: wat het plan opgeeft, de norm uit "
        "de checklist en het automatische oordeel. Een ontbrekend gegeven levert "
        "‘niet beoordeeld’ op, nooit een voldoende.",
        "The measurable criteria for each type of plan element: what the plan states, the "
        "threshold from the checklist and the automatic verdict. A missing fact gives "
        "‘not assessed’, never a pass.",
    ),
    "facts_only_findings": t(
        "Alleen bevindingen: de regels van criteria beoordeeld als ‘voldoet gedeeltelijk’ of "
        "‘voldoet niet’ staan bij die criteria in bijlage 1.",
        "Findings only: the rules of criteria assessed as ‘partly meets’ or ‘does not meet’ "
        "are with those criteria in appendix 1.",
    ),
    "facts_none": t(
        "De checklist bevat geen meetbare regels.", "The checklist has no measurable rules."
    ),
    "facts_no_findings": t(
        "Geen van de criteria met een bevinding heeft een meetbare regel.",
        "None of the criteria with a finding has a measurable rule.",
    ),
    "col_criterion": t("Criterium", "Criterion"),
    "col_finding": t("Gegeven en norm", "Fact and threshold"),
    "col_verdict": t("Oordeel", "Verdict"),
    "no_elements": t(
        "Geen onderdelen van deze soort in het plan", "No elements of this type in the plan"
    ),
    "changed_to": t("oordeel aangepast: {verdict}", "verdict changed: {verdict}"),
    # findings
    "findings": t("Bevindingen per onderdeel", "Findings per section"),
    "findings_only": t(
        "Alleen criteria beoordeeld als ‘voldoet gedeeltelijk’ of ‘voldoet niet’.",
        "Only criteria assessed as ‘partly meets’ or ‘does not meet’.",
    ),
    "findings_none": t(
        "Geen bevindingen: geen enkel criterium is beoordeeld als ‘voldoet gedeeltelijk’ "
        "of ‘voldoet niet’.",
        "No findings: no criterion has been assessed as ‘partly meets’ or ‘does not meet’.",
    ),
    "out_of_scope": t("buiten deze invalshoek", "outside this point of view"),
    "automatic": t(
        "getoetst aan de plangegevens: {verdict}", "checked against the plan facts: {verdict}"
    ),
    "priority": t("prioriteit {priority}", "priority {priority}"),
    "rule_check": t("Regeltoets", "Rule check"),
    "override_reason": t(
        "Reden voor afwijken van het automatische oordeel:",
        "Reason for changing the automatic verdict:",
    ),
    "justification": t("Lokale beperking:", "Local constraint:"),
    "motivation": t("Motivering:", "Justification:"),
    "notes": t("Toelichting:", "Notes:"),
    "measure": t("Aanbevolen maatregel:", "Recommended measure:"),
    "guidance": t("Leidraad:", "Guidance:"),
    "source": t("Bron:", "Source:"),
    "tension": t("Staat op gespannen voet met:", "In tension with:"),
    "photo": t("Foto {n}", "Photo {n}"),
    "photo_unreadable": t(
        "Foto {name} kan niet worden getoond: {reason}",
        "Photo {name} cannot be shown: {reason}",
    ),
    # procedure and scope
    "procedure": t("Werkwijze", "Procedure"),
    "procedure_intro": t(
        "Hoe deze beoordeling tot stand kwam: met welke toetslijst, voor welk soort plan "
        "en in welke fase, en wie eraan deelnam.",
        "How this review was made: with which checklist, for which type of plan and at "
        "which stage, and who took part.",
    ),
    "col_role": t("Rol", "Role"),
    "cohesion_included": t("Sociale cohesie meegenomen", "Social cohesion included"),
    "joint_session": t("Gezamenlijke sessie", "Joint session"),
    "joint_session_held": t("ja, op {date}", "yes, on {date}"),
    "joint_session_undated": t("ja (datum niet vastgelegd)", "yes (date not recorded)"),
    "yes": t("ja", "yes"),
    "no": t("nee", "no"),
    "not_recorded": t("niet vastgelegd", "not recorded"),
    "procedure_notes": t("Toelichting", "Notes"),
    "not_applicable_here": t("Niet van toepassing op dit plan", "Not applicable to this plan"),
    "not_applicable_intro": t(
        "Deze criteria gelden niet voor een plan van deze soort of in deze fase. Ze zijn "
        "niet beoordeeld, staan niet bij de bevindingen en tellen niet mee in de "
        "uitkomst of de aantallen.",
        "These criteria do not apply to a plan of this type or at this stage. They were "
        "not judged, are not among the findings and are not counted in the outcome or "
        "the tallies.",
    ),
    "col_reason": t("Waarom niet", "Why not"),
    "excluded_verdict": t(
        "toch beoordeeld als ‘{verdict}’; telt niet mee",
        "assessed as ‘{verdict}’ all the same; not counted",
    ),
    # closing
    # drawings
    "drawings": t("Tekeningen", "Drawings"),
    "drawings_intro": t(
        "Bevindingen zijn met genummerde markeringen op de tekeningen aangegeven, in de "
        "kleur van hun oordeel; metingen staan in blauw met hun waarde.",
        "Findings are marked on the drawings with numbered markers in the colour of their "
        "verdict; measurements are shown in blue with their value.",
    ),
    "pin_ref": t("markering {n} op tekening {sheet}", "marker {n} on drawing {sheet}"),
    "pins_label": t("Op tekening:", "On drawing:"),
    "see": t("Zie", "See"),
    "col_pin": t("Nr.", "No."),
    "col_measurement": t("Meting", "Measurement"),
    "col_value": t("Waarde", "Value"),
    "col_fact": t("Gebruikt voor", "Used for"),
    "scale_ratio": t("Schaal 1:{scale}", "Scale 1:{scale}"),
    "scale_points": t(
        "Schaal bepaald met twee punten op {distance} m afstand",
        "Scale set by two points {distance} m apart",
    ),
    "scale_none": t("Niet op schaal", "Not to scale"),
    "not_calibrated": t("geen schaal", "no scale"),
    "drawing_unreadable": t(
        "Tekening {name} kan niet worden getoond: {reason}",
        "Drawing {name} cannot be shown: {reason}",
    ),
    "closing": t("Ondertekening", "Signature"),
    "closing_intro": t(
        "Dit advies is opgesteld en beoordeeld door:",
        "This advice was prepared and assessed by:",
    ),
    "name": t("Naam", "Name"),
    "signature": t("Handtekening", "Signature"),
    # workshop report
    "ws_title": t("Gezamenlijke werksessie", "Joint workshop"),
    "ws_header": t("Werksessie · {date}", "Workshop · {date}"),
    "ws_name": t("Werksessie", "Workshop"),
    "participants": t("Deelnemers", "Participants"),
    "side": t("{side} · {perspective}", "{side} · {perspective}"),
    "reviewed_on": t("beoordeling van {date}", "review of {date}"),
    "agreement": t("Overeenstemming", "Agreement"),
    "kappa": t("Gewogen kappa", "Weighted kappa"),
    "undetermined": t("niet te bepalen", "cannot be determined"),
    "open_differences": t("Open verschillen", "Open differences"),
    "open_value": t(
        "{open} van {total} nog zonder gezamenlijk oordeel",
        "{open} of {total} without a joint verdict yet",
    ),
    "warnings": t("Let op", "Note"),
    "plan_differences": t("Planverschillen", "Plan differences"),
    "plan_differences_intro": t(
        "De twee beoordelingen geven deze gegevens van het plan anders in. Oordelen die op "
        "zo’n gegeven rusten, kunnen daardoor verschillen en niet door een verschil in "
        "afweging: stel eerst de feiten vast.",
        "The two reviews give these facts of the plan differently. Verdicts that rest on "
        "such a fact may differ because of it, not because of a difference in judgement: "
        "settle the facts first.",
    ),
    "col_element": t("Onderdeel", "Element"),
    "col_plan_fact": t("Gegeven", "Fact"),
    "col_resting": t("Criteria", "Criteria"),
    "rests_on_differences": t(
        "Rust op plangegevens die verschillen: {facts}.",
        "Rests on differing plan facts: {facts}.",
    ),
    "conflicts": t("Conflicten", "Conflicts"),
    "conflicts_intro": t(
        "De ene kant oordeelt ‘voldoet’, de andere ‘voldoet niet’.",
        "One side says ‘meets’, the other ‘does not meet’.",
    ),
    "conflicts_none": t("Geen conflicten.", "No conflicts."),
    "tensions": t("Spanningen", "Tensions"),
    "tensions_intro": t(
        "Criteria die op gespannen voet met elkaar staan: wat de ene kant vraagt, kan de "
        "andere in de weg zitten. Per paar beide oordelen en maatregelen van beide kanten.",
        "Criteria in tension with each other: what one side asks for may stand in the "
        "other's way. For each pair both verdicts and measures of both sides.",
    ),
    "tensions_none": t(
        "Geen spanningen tussen criteria die beide kanten kennen.",
        "No tensions between criteria both sides share.",
    ),
    "differences": t("Verschillen", "Differences"),
    "differences_intro": t(
        "Eén stap verschil (bijvoorbeeld ‘voldoet’ tegen ‘deels’), of ‘niet van "
        "toepassing’ aan één kant.",
        "One step apart (for instance ‘meets’ against ‘partly’), or ‘not applicable’ on "
        "one side only.",
    ),
    "differences_none": t("Geen verschillen.", "No differences."),
    "one_sided": t("Eenzijdige bevindingen", "One-sided findings"),
    "one_sided_intro": t(
        "Bevindingen (‘deels’ of ‘voldoet niet’) van een criterium dat de andere kant niet "
        "beoordeelde.",
        "Findings (‘partly’ or ‘does not meet’) on a criterion the other side did not assess.",
    ),
    "one_sided_none": t("Geen eenzijdige bevindingen.", "No one-sided findings."),
    "only_side": t("Alleen {side} · {perspective}", "Only {side} · {perspective}"),
    "one_sided_other": t("Overige eenzijdige oordelen", "Other one-sided verdicts"),
    "agreements": t("Overeenstemming per criterium", "Agreement per criterion"),
    "ws_drawings_intro": t(
        "De spelden van beide kanten, elk op de eigen tekeningen en in de kleur van het "
        "eigen oordeel. De nummers zijn die van de kant zelf: pin 2 van A en pin 2 van B "
        "zijn verschillende spelden.",
        "The pins of both sides, each on its own drawings and in the colour of its own "
        "verdict. The numbers are each side's own: pin 2 of A and pin 2 of B are "
        "different pins.",
    ),
    "ws_no_drawings": t(
        "{side} heeft geen spelden of metingen op tekeningen gezet.",
        "{side} placed no pins or measurements on drawings.",
    ),
    "ws_sheet": t("{side}: {sheet}", "{side}: {sheet}"),
    "agreements_none": t(
        "Geen criteria waarover beide kanten hetzelfde oordelen.",
        "No criteria on which both sides agree.",
    ),
    "col_side": t("Kant", "Side"),
    "joint": t("Gezamenlijke conclusie:", "Joint conclusion:"),
    "joint_none": t("Nog geen gezamenlijke conclusie.", "No joint conclusion yet."),
    "joint_measure": t("Maatregel:", "Measure:"),
    "actor": t("Wie:", "Who acts:"),
    "joint_note": t("Toelichting:", "Note:"),
    # workshop report for a municipal reader: the first page in words
    "ws_date_place": t("Datum en plaats", "Date and place"),
    "ws_chair": t("Voorzitter", "Chair"),
    "ws_revision_stage": t("Revisie en fase", "Revision and stage"),
    "ws_advices": t("Adviezen", "Reviews"),
    "ws_present": t("Aanwezig", "Present"),
    "ws_present_none": t(
        "Er is geen presentielijst vastgelegd.", "No attendance list was recorded."
    ),
    "ws_remarks": t("Opmerking:", "Remark:"),
    "ws_in_words": t("Overeenstemming", "Agreement"),
    "ws_agree_none": t(
        "Geen enkel criterium is vanuit beide invalshoeken beoordeeld; over hun "
        "overeenstemming valt daarom niets te zeggen.",
        "No criterion was assessed from both perspectives, so nothing can be said about "
        "their agreement.",
    ),
    "ws_agree_single_same": t(
        "Beide invalshoeken beoordeelden één criterium en kwamen daarop tot hetzelfde oordeel.",
        "Both perspectives assessed one criterion and reached the same verdict on it.",
    ),
    "ws_agree_single_differ": t(
        "Beide invalshoeken beoordeelden één criterium en kwamen daarop tot een ander oordeel.",
        "Both perspectives assessed one criterion and reached different verdicts on it.",
    ),
    "ws_agree_all": t(
        "Op alle {n} criteria die beide invalshoeken beoordeelden, kwamen zij tot hetzelfde "
        "oordeel.",
        "On all {n} criteria assessed from both perspectives, the two reached the same verdict.",
    ),
    "ws_agree_nothing": t(
        "Op geen van de {n} criteria die beide invalshoeken beoordeelden, kwamen zij tot "
        "hetzelfde oordeel.",
        "On none of the {n} criteria assessed from both perspectives did the two reach the "
        "same verdict.",
    ),
    "ws_agree_some": t(
        "Op {agree} van de {n} criteria die beide invalshoeken beoordeelden, kwamen zij tot "
        "hetzelfde oordeel.",
        "On {agree} of the {n} criteria assessed from both perspectives, the two reached the "
        "same verdict.",
    ),
    "ws_conflicts_one": t(
        "Bij 1 criterium staan de oordelen lijnrecht tegenover elkaar: de ene invalshoek "
        "oordeelt ‘{meets}’, de andere ‘{fails}’.",
        "On 1 criterion the verdicts are opposed: one perspective finds ‘{meets}’, the "
        "other ‘{fails}’.",
    ),
    "ws_conflicts_other": t(
        "Bij {n} criteria staan de oordelen lijnrecht tegenover elkaar: de ene invalshoek "
        "oordeelt ‘{meets}’, de andere ‘{fails}’.",
        "On {n} criteria the verdicts are opposed: one perspective finds ‘{meets}’, the "
        "other ‘{fails}’.",
    ),
    "ws_differ_one": t(
        "Bij 1 criterium liggen de oordelen dichter bij elkaar: één stap verschil, of "
        "‘{na}’ aan één kant.",
        "On 1 criterion the verdicts are closer: one step apart, or ‘{na}’ on one side only.",
    ),
    "ws_differ_other": t(
        "Bij {n} criteria liggen de oordelen dichter bij elkaar: één stap verschil, of "
        "‘{na}’ aan één kant.",
        "On {n} criteria the verdicts are closer: one step apart, or ‘{na}’ on one side only.",
    ),
    "ws_one_sided_one": t(
        "Daarnaast is 1 criterium vanuit maar één van beide invalshoeken beoordeeld.",
        "In addition, 1 criterion was assessed from one of the two perspectives only.",
    ),
    "ws_one_sided_other": t(
        "Daarnaast zijn {n} criteria vanuit maar één van beide invalshoeken beoordeeld.",
        "In addition, {n} criteria were assessed from one of the two perspectives only.",
    ),
    "ws_open_decided": t(
        "Over alle punten van verschil heeft de werksessie een gezamenlijk oordeel bereikt.",
        "The workshop reached a joint verdict on every point of difference.",
    ),
    "ws_open_all_one": t(
        "Over het enige punt van verschil is nog geen gezamenlijk oordeel bereikt.",
        "No joint verdict has been reached yet on the one point of difference.",
    ),
    "ws_open_all_other": t(
        "Over geen van de {n} punten van verschil is al een gezamenlijk oordeel bereikt.",
        "No joint verdict has been reached yet on any of the {n} points of difference.",
    ),
    "ws_open_some_one": t(
        "Over {decided} van de {total} punten van verschil is een gezamenlijk oordeel "
        "bereikt; 1 punt staat nog open.",
        "A joint verdict was reached on {decided} of the {total} points of difference; 1 is "
        "still open.",
    ),
    "ws_open_some_other": t(
        "Over {decided} van de {total} punten van verschil is een gezamenlijk oordeel "
        "bereikt; {n} punten staan nog open.",
        "A joint verdict was reached on {decided} of the {total} points of difference; {n} "
        "are still open.",
    ),
    "ws_in_figures": t(
        "De cijfers achter deze overeenstemming, met de gewogen kappa, staan in de bijlage.",
        "The figures behind this agreement, with the weighted kappa, are in the appendix.",
    ),
    "ws_decisions": t("Gezamenlijke besluiten", "Joint decisions"),
    "ws_decisions_intro": t(
        "Elk besluit komt als voorwaarde of als aanbeveling in beide adviezen. Aan een "
        "voorwaarde moet het plan voldoen om het advies te laten gelden; een aanbeveling "
        "bepaalt de uitkomst niet.",
        "Each decision goes into both reviews as a condition or as a recommendation. The "
        "plan must meet a condition for the advice to hold; a recommendation does not decide "
        "the outcome.",
    ),
    "ws_decisions_none": t(
        "De werksessie heeft geen gezamenlijke besluiten vastgelegd.",
        "The workshop recorded no joint decisions.",
    ),
    "col_no": t("Nr.", "No."),
    "col_decision": t("Besluit", "Decision"),
    "col_owner": t("Eigenaar", "Owner"),
    "col_deadline": t("Termijn", "Deadline"),
    "col_becomes": t("In beide adviezen als", "In both reviews as"),
    "owner_open": t("nog niet bepaald", "not yet decided"),
    "deadline_none": t("geen termijn", "no deadline"),
    "joint_deadline": t("Termijn:", "Deadline:"),
    "joint_becomes": t("In beide adviezen als:", "In both reviews as:"),
    # workshop report: the appendix with the figures
    "ws_appendix": t("Bijlage: overeenstemming in cijfers", "Appendix: agreement in figures"),
    "ws_agreement_value_one": t("{pct}, berekend over 1 criterium", "{pct}, over 1 criterion"),
    "ws_agreement_value_other": t("{pct}, berekend over {n} criteria", "{pct}, over {n} criteria"),
    "ws_nothing_to_compare": t(
        "{value}: geen criteria om te vergelijken", "{value}: no criteria to compare"
    ),
    "ws_kappa_value_one": t(
        "{kappa} (lineair gewogen), berekend over 1 criterium",
        "{kappa} (linear weights), over 1 criterion",
    ),
    "ws_kappa_value_other": t(
        "{kappa} (lineair gewogen), berekend over {n} criteria",
        "{kappa} (linear weights), over {n} criteria",
    ),
    "ws_counts": t(
        "Aantal criteria per uitkomst van de vergelijking", "Criteria by comparison result"
    ),
    "ws_kappa_explained": t(
        "Het aandeel overeenstemming telt op hoeveel van de criteria die beide invalshoeken "
        "beoordeelden, zij hetzelfde oordeel gaven. De gewogen kappa (Cohen, lineair "
        "gewogen) corrigeert dat aandeel voor de overeenstemming die ook bij toeval te "
        "verwachten is, en telt een verschil van één stap (‘{meets}’ tegen ‘{partly}’) half "
        "zo zwaar als een conflict (‘{meets}’ tegen ‘{fails}’). Een kappa van 1 betekent "
        "volledige overeenstemming, 0 niet meer dan toeval en een negatieve waarde minder "
        "dan toeval; als vuistregel geldt een waarde boven 0,6 als goed en boven 0,8 als "
        "zeer goed. De kappa rust alleen op de criteria die beide invalshoeken op deze "
        "schaal beoordeelden: ‘{na}’ telt niet mee, zodat het aantal kleiner kan zijn dan "
        "bij het aandeel overeenstemming. Bij weinig criteria is de waarde onzeker; lees "
        "hem dan als een aanwijzing. Hij is niet te bepalen als er niets te vergelijken is, "
        "of als beide invalshoeken alle criteria in één en dezelfde categorie plaatsten.",
        "The share of agreement counts on how many of the criteria assessed from both "
        "perspectives the two gave the same verdict. The weighted kappa (Cohen's, with "
        "linear weights) corrects that share for the agreement to be expected by chance "
        "alone, and counts a difference of one step (‘{meets}’ against ‘{partly}’) half as "
        "heavily as a conflict (‘{meets}’ against ‘{fails}’). A kappa of 1 means complete "
        "agreement, 0 no more than chance and a negative value less than chance; as a rule "
        "of thumb, above 0.6 is good and above 0.8 very good. The kappa rests only on the "
        "criteria both perspectives placed on this scale: ‘{na}’ does not count, so the "
        "number can be smaller than for the share of agreement. With few criteria the value "
        "is uncertain; read it as an indication. It cannot be determined when there is "
        "nothing to compare, or when both perspectives put every criterion in one and the "
        "same category.",
    ),
    # revision report
    "rev_title": t("Vergelijking van revisies", "Comparison of revisions"),
    "rev_old": t("Vorige revisie", "Previous revision"),
    "rev_new": t("Nieuwe revisie", "New revision"),
    "rev_unnamed": t("zonder revisienummer", "no revision label"),
    "rev_edits": t("Ook gewijzigd:", "Also changed:"),
    "rev_counts": t("Stand van de bevindingen", "State of the findings"),
    "col_old": t("Was", "Was"),
    "col_new": t("Nu", "Now"),
    "col_remarks": t("Toelichting en maatregel (nieuw)", "Notes and measure (new)"),
    # page furniture
    "page": t("pagina {page} van {total}", "page {page} of {total}"),
    "app": t("Veiligheid & Cohesie", "Safety & Cohesion"),
    # the letter
    "letter": t("Adviesbrief", "Advice letter"),
    "ref_date": t("Datum", "Date"),
    "ref_ours": t("Ons kenmerk", "Our reference"),
    "ref_theirs": t("Uw kenmerk", "Your reference"),
    "ref_handled": t("Behandeld door", "Contact"),
    "ref_subject": t("Onderwerp", "Subject"),
    "ref_phone": t("telefoon {phone}", "phone {phone}"),
    "subject_default": t(
        "Advies {topic} bouwplan {plan}", "Advice on {topic}: building plan {plan}"
    ),
    "salutation_named": t("Geachte {name},", "Dear {name},"),
    "salutation": t("Geachte heer, mevrouw,", "Dear Sir or Madam,"),
    "basis": t(
        "Wij hebben het plan {plan} beoordeeld vanuit de invalshoek {topic}, met de "
        "toetslijst {checklist}.",
        "We have reviewed the plan {plan} from the point of view of {topic}, using the "
        "checklist {checklist}.",
    ),
    "basis_stage": t("in de fase {stage}", "at the {stage} stage"),
    "conclusion": t("Conclusie", "Conclusion"),
    "chosen": t(
        "Volgens de regels van de toetslijst zou de uitkomst ‘{proposed}’ zijn. De adviseur "
        "komt tot ‘{result}’, om de volgende reden:",
        "By the checklist's rules the outcome would be ‘{proposed}’. The adviser comes to "
        "‘{result}’, for the following reason:",
    ),
    "conditions": t("Voorwaarden", "Conditions"),
    "conditions_intro": t(
        "Dit advies geldt alleen als aan de volgende voorwaarden wordt voldaan.",
        "This advice holds only if the following conditions are met.",
    ),
    "recommendations": t("Aanbevelingen", "Recommendations"),
    "recommendations_intro": t(
        "De aanbevelingen zijn advies; ze bepalen de uitkomst niet.",
        "The recommendations are advice; they do not decide the outcome.",
    ),
    "recommendations_rest_one": t(
        "Daarnaast doen wij nog {n} aanbeveling ({numbers}); u vindt die met de toelichting "
        "in bijlage 1.",
        "We also make {n} further recommendation ({numbers}); you will find it, with its "
        "explanation, in appendix 1.",
    ),
    "recommendations_rest_other": t(
        "Daarnaast doen wij nog {n} aanbevelingen ({numbers}); u vindt ze met de toelichting "
        "in bijlage 1.",
        "We also make {n} further recommendations ({numbers}); you will find them, with "
        "their explanation, in appendix 1.",
    ),
    "item_actor": t("uit te voeren door {actor}", "to be carried out by {actor}"),
    "item_due": t("uiterlijk in het {stage}", "by the {stage}"),
    "item_ref": t("{id} in bijlage 1", "{id} in appendix 1"),
    "item_status": t("status: {status}", "status: {status}"),
    "item_status_change": t("status: {status} ({date}, {by})", "status: {status} ({date}, {by})"),
    "item_carried": t("overgenomen uit het {stage}", "carried from the {stage}"),
    "earlier_stages": t("Eerdere beoordelingen van dit plan", "Earlier reviews of this plan"),
    "earlier_stage": t(
        "{stage}: {date}, {perspective}, {outcome} ({file})",
        "{stage}: {date}, {perspective}, {outcome} ({file})",
    ),
    "measures_title": t("Maatregelen en hun status", "Measures and their status"),
    "measures_intro": t(
        "Elke voorwaarde en aanbeveling van dit plan met haar status: open, verwerkt in de "
        "tekeningen, gecontroleerd bij oplevering of ingetrokken. Elke wijziging staat er met "
        "datum en naam bij.",
        "Every condition and recommendation of this plan with its status: open, processed in "
        "the drawings, verified at handover or withdrawn. Each change is listed with its date "
        "and the name of who made it.",
    ),
    "col_measure": t("Maatregel", "Measure"),
    "col_status": t("Status", "Status"),
    "measure_agreed": t("afgesproken in het {stage}", "agreed at the {stage}"),
    "measure_change": t("{status}: {date}, {by}", "{status}: {date}, {by}"),
    "next_step": t("Vervolg", "Next step"),
    "documents": t("Beoordeelde stukken", "Documents reviewed"),
    "col_number": t("Nummer", "Number"),
    "col_title": t("Titel", "Title"),
    "col_revision": t("Revisie", "Revision"),
    "col_date": t("Datum", "Date"),
    "greeting": t("Met vriendelijke groet,", "Yours sincerely,"),
    "cc": t("Afschrift aan", "Copy to"),
    "appendices": t("Bijlagen", "Appendices"),
    "appendix1": t("Bijlage 1 — Bevindingen", "Appendix 1 — Findings"),
    "appendix1_short": t("Bevindingen", "Findings"),
    "appendix1_intro": t(
        "Per criterium met een bevinding: het oordeel, wat is gezien, de toelichting en de "
        "maatregel van de adviseur, en of die in de brief een voorwaarde of een aanbeveling is.",
        "For each criterion with a finding: the verdict, what was seen, the adviser's notes "
        "and measure, and whether the letter makes it a condition or a recommendation.",
    ),
    "appendix1_all": t(
        "Alle criteria die op dit plan van toepassing zijn, ook die zonder bevinding.",
        "Every criterion that applies to this plan, including those without a finding.",
    ),
    "appendix1_none": t(
        "Er zijn geen bevindingen: het plan voldoet aan alle beoordeelde criteria.",
        "There are no findings: the plan meets every criterion assessed.",
    ),
    "appendix2": t(
        "Bijlage 2 — Plangegevens en toetsing", "Appendix 2 — Plan facts and rule results"
    ),
    "appendix2_short": t("Plangegevens en toetsing", "Plan facts and rule results"),
    "appendix2_intro": t(
        "De meetbare criteria zonder bevinding: wat het plan opgeeft, de norm en het oordeel. "
        "Bij criteria met een bevinding staat de toetsing in bijlage 1. Een ontbrekend "
        "gegeven levert ‘niet beoordeeld’ op, nooit een voldoende.",
        "The measurable criteria without a finding: what the plan states, the norm and the "
        "verdict. For criteria with a finding the rule results are in appendix 1. A missing "
        "fact gives ‘not assessed’, never a pass.",
    ),
    "appendix3": t("Bijlage 3 — Tekeningen", "Appendix 3 — Drawings"),
    "appendix3_short": t("Tekeningen", "Drawings"),
    "the_plan": t("Het plan", "The plan"),
    "as_condition": t("Voorwaarde {ref} in de brief", "Condition {ref} in the letter"),
    "as_recommendation": t("Aanbeveling {ref} in de brief", "Recommendation {ref} in the letter"),
    "seen": t("Gezien:", "Seen:"),
    "adviser_measure": t("Maatregel:", "Measure:"),
}

# Texts that count something: (one, many), chosen by the value of `n`.
PLURALS: dict[str, tuple[Text, Text]] = {
    "scope_plan": (
        t(
            "1 criterium geldt niet voor een plan van deze soort of in deze fase ({plan}); "
            "het wordt niet beoordeeld en telt nergens mee (zie ‘{heading}’).",
            "1 criterion does not apply to a plan of this type or at this stage ({plan}); "
            "it is not judged and is not counted anywhere (see ‘{heading}’).",
        ),
        t(
            "{n} criteria gelden niet voor een plan van deze soort of in deze fase ({plan}); "
            "ze worden niet beoordeeld en tellen nergens mee (zie ‘{heading}’).",
            "{n} criteria do not apply to a plan of this type or at this stage ({plan}); "
            "they are not judged and are not counted anywhere (see ‘{heading}’).",
        ),
    ),
    "hidden": (
        t(
            "1 criterium buiten deze invalshoek is niet beoordeeld en hier weggelaten.",
            "1 criterion outside this point of view was not assessed and is left out here.",
        ),
        t(
            "{n} criteria buiten deze invalshoek zijn niet beoordeeld en hier weggelaten.",
            "{n} criteria outside this point of view were not assessed and are left out here.",
        ),
    ),
    "excluded_here": (
        t(
            "1 criterium van dit onderdeel geldt niet voor dit plan; zie ‘{heading}’.",
            "1 criterion of this section does not apply to this plan; see ‘{heading}’.",
        ),
        t(
            "{n} criteria van dit onderdeel gelden niet voor dit plan; zie ‘{heading}’.",
            "{n} criteria of this section do not apply to this plan; see ‘{heading}’.",
        ),
    ),
    "neither": (
        t(
            "1 criterium is door geen van beide kanten beoordeeld.",
            "1 criterion was assessed by neither side.",
        ),
        t(
            "{n} criteria zijn door geen van beide kanten beoordeeld.",
            "{n} criteria were assessed by neither side.",
        ),
    ),
    "rev_neither": (
        t(
            "1 criterium is in geen van beide revisies beoordeeld.",
            "1 criterion was assessed in neither revision.",
        ),
        t(
            "{n} criteria zijn in geen van beide revisies beoordeeld.",
            "{n} criteria were assessed in neither revision.",
        ),
    ),
    "n_conditions": (t("1 voorwaarde", "1 condition"), t("{n} voorwaarden", "{n} conditions")),
    "n_recommendations": (
        t("1 aanbeveling", "1 recommendation"),
        t("{n} aanbevelingen", "{n} recommendations"),
    ),
    "n_failing": (
        t(
            "Het plan voldoet niet aan 1 eis van de toetslijst.",
            "The plan does not meet 1 requirement of the checklist.",
        ),
        t(
            "Het plan voldoet niet aan {n} eisen van de toetslijst.",
            "The plan does not meet {n} requirements of the checklist.",
        ),
    ),
    "assessed": (
        t(
            "Beoordeeld: {done} van 1 criterium dat op dit plan van toepassing is.",
            "Assessed: {done} of 1 criterion that applies to this plan.",
        ),
        t(
            "Beoordeeld: {done} van de {n} criteria die op dit plan van toepassing zijn.",
            "Assessed: {done} of the {n} criteria that apply to this plan.",
        ),
    ),
}

OUTCOME_LABELS: dict[OutcomeResult, Text] = {
    OutcomeResult.POSITIVE: t("Positief advies", "Positive advice"),
    OutcomeResult.CONDITIONAL: t(
        "Positief advies onder voorwaarden", "Positive advice on conditions"
    ),
    OutcomeResult.NEGATIVE: t("Negatief advies", "Negative advice"),
    OutcomeResult.INCOMPLETE: t("Beoordeling niet compleet", "Assessment not complete"),
}

PRIORITY_LABELS: dict[Priority, Text] = {
    Priority.HIGH: t("hoog", "high"),
    Priority.MEDIUM: t("gemiddeld", "medium"),
    Priority.LOW: t("laag", "low"),
}

_MONTHS = {
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def label(key: str, lang: Lang, **values: object) -> str:
    """A report string in `lang`, with `{placeholders}` filled in. A text that counts
    something (PLURALS) agrees in number with `n`: "1 criterium geldt", "3 criteria gelden"."""
    if key in PLURALS:
        n = values.get("n")
        one, many = PLURALS[key]
        text = (one if n == 1 else many).get(lang)
    else:
        text = LABELS[key].get(lang)
    return text.format(**values) if values else text


def count_label(key: str, n: int, lang: Lang, **values: object) -> str:
    """The report text `key_one` for one, `key_other` for any other number, with `{n}`
    filled in: Dutch and English both have these two forms ("1 criterium", "2 criteria")."""
    return label(f"{key}_{'one' if n == 1 else 'other'}", lang, n=n, **values)


def place_text(address: str, municipality: str) -> str:
    """Address and municipality on one line, without naming the place twice: "Merelhof
    1–74, Zwolle" stays as it is when the municipality is Zwolle."""
    address, municipality = address.strip(), municipality.strip()
    if not municipality:
        return address
    if address.rstrip(" .").lower().endswith(municipality.lower()):
        return address
    return ", ".join(x for x in (address, municipality) if x)


def format_date(value: date | datetime, lang: Lang) -> str:
    """`12 maart 2025` / `12 March 2025`; a datetime is shown in local time."""
    if isinstance(value, datetime):
        value = value.astimezone().date() if value.tzinfo else value.date()
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"


def format_percent(done: int, total: int) -> str:
    return f"{round(100 * done / total)} %" if total else "—"


def format_decimal(value: float, lang: Lang, digits: int = 2) -> str:
    """`0,66` / `0.66`; a minus sign, not a hyphen, before a negative number."""
    return format_number(value, lang, decimals=digits)


def number_ranges(prefix: str, numbers: list[int]) -> str:
    """Numbers as runs: "A2–A4, A7" for 2, 3, 4 and 7."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(
        f"{prefix}{r[0]}" if len(r) == 1 else f"{prefix}{r[0]}–{prefix}{r[-1]}" for r in runs
    )
