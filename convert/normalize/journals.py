"""Words that journal names are abbreviated to (ISO 4 and the NLM's forms: "Phys. Rev. Lett.",
"Proc. Natl. Acad. Sci.", "J. Am. Chem. Soc.").

A period after one of them ends a word, not a field: the reference-list grammar, which cuts a
rendered citation at ". ", keeps "Phys. Rev. Lett." whole with this list.  Only abbreviations are
here, and whole words only where a journal's name goes on after them ("Mol. Cell. Biol."): a period
followed by a digit still ends the field ("Cell. 67 (3)").
"""

from __future__ import annotations

JOURNAL_ABBREVIATIONS = frozenset("""
Acad Acc Adv Aerosp Agric Am Anal Anat Ann Annu Anthropol Appl Arch Archaeol Assoc Astron Astrophys Atmos
Aust Bacteriol Behav Biochem Bioinform Biol Biomed Biophys Bot Br Bull Can Cardiol Catal Cell Chem Chim
Clin Cogn Collect Commun Comp Comput Conf Contemp Crit Crystallogr Curr Cybern Dent Dermatol Dev Diabetol
Differ Dis Dokl Ecol Econ Educ Electrochem Electron Endocrinol Eng Entomol Environ Epidemiol Eur Evol Exp
Fiz Found Gastroenterol Gen Genet Geochim Geogr Geol Geom Geophys Geosci Ges Hist Hum Immunol Ind Infect
Inf Inorg Instrum Int Investig Izv Jpn Lett Ling Mag Mater Math Mech Med Meteorol Microbiol Mineral Mol
Monogr Mon Natl Nephrol Neurobiol Neurol Neurosci Not Nucl Nutr Obstet Oceanogr Oncol Oper Ophthalmol Opt
Org Orthop Paleontol Pathol Pediatr Pharm Pharmacol Philos Photochem Phys Physiol Planet Polit Polym Proc
Prog Psychiatr Psychol Publ Q Quant Radiol Rep Res Rev Rheumatol Sci Semin Ser Soc Sociol Sov Spectrosc
Stat Stud Surg Symp Syst Tech Technol Teor Theor Ther Trans Univ Urol Vet Virol Zh Zool
""".split())
