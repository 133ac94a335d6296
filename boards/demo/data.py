"""Cumbria LSCB transcribed from the business plan 2014-17 and annual report 2016-17."""

BOARD = {
    "name": "Cumbria Local Safeguarding Children Board",
    "slug": "cumbria",
    "area": "Cumbria",
    "vision": (
        "We are working together to keep children and young people safe in Cumbria"
    ),
}

# (name, short_name, statutory_partner)
#
# statutory_partner is True for the bodies the Children Act 2004 s13 and Working
# Together 2015 (chapter 3) name as LSCB partners: the county council (public
# health has been a county council function since 2013) and the district
# councils, the police, the National Probation Service and the CRC, the youth
# offending service, NHS England, the clinical commissioning group, NHS trusts
# and foundation trusts, and CAFCASS. It is False for the voluntary sector,
# the head teachers' associations (schools sit on the Board, but the
# associations are not the bodies the Act names) and the observers' bodies.
#
# Order: the agencies the Annual Report 2016-17 lists as represented at the
# Board, then partners named only in the Business Plan 2014-17 and the observers'
# bodies. The Business Plan's Cumbria Probation Trust is left out: the 2016-17
# list names the National Probation Service in its place.
AGENCIES = [
    ("Cumbria County Council, Children's Services", "Children's Services", True),
    ("Cumbria Clinical Commissioning Group", "Cumbria CCG", True),
    ("Cumbria Partnership NHS Foundation Trust", "CPFT", True),
    ("University Hospitals of Morecambe Bay", "UHMB", True),
    ("North Cumbria University Hospitals", "NCUH", True),
    ("Cumbria Constabulary", "Police", True),
    ("Secondary Head teachers Association", "Secondary Heads", False),
    ("Primary Head teachers Association", "Primary Heads", False),
    ("Cumbria District/Borough Councils", "District Councils", True),
    ("National Probation Service", "NPS", True),
    ("Cumbria & Lancashire Community Rehabilitation Company", "CRC", True),
    ("Public Health", "Public Health", True),
    ("NHS England", "NHSE", True),
    ("East Cumbria Family Support", "ECFS", False),
    ("Barnardo's", "Barnardo's", False),
    ("CAFCASS, Cumbria", "CAFCASS", True),
    ("Youth Offending Service", "YOS", True),
    ("Inspira", "Inspira", False),
    ("NSPCC", "NSPCC", False),
    ("Cumbria Safeguarding Adults Board", "CSAB", False),
]

# (position, agency name exactly as in AGENCIES or None, role)
#
# Positions come from the Business Plan's Membership table, updated from the
# Annual Report 2016-17 where it differs. Inspira and the NSPCC are not among
# the agencies the 2016-17 report lists as represented at the Board, so they
# have no seat here. The report gives no job title for the National Probation
# Service's member.
MEMBERS = [
    ("Independent Chair", None, "chair"),
    ("Assistant Director (Children's Services)", "Barnardo's", "vice_chair"),
    (
        "Corporate Director - Children's Services",
        "Cumbria County Council, Children's Services",
        "board_member",
    ),
    (
        "Assistant Director - Children and Families",
        "Cumbria County Council, Children's Services",
        "board_member",
    ),
    (
        "Director for Children and Families",
        "Cumbria Clinical Commissioning Group",
        "board_member",
    ),
    ("Lead GP", "Cumbria Clinical Commissioning Group", "board_member"),
    (
        "Designated Doctor for Safeguarding Children",
        "Cumbria Clinical Commissioning Group",
        "board_member",
    ),
    (
        "Designated Nurse for Safeguarding",
        "Cumbria Clinical Commissioning Group",
        "board_member",
    ),
    (
        "Deputy Director of Nursing, Patient Safety & Leadership",
        "Cumbria Partnership NHS Foundation Trust",
        "board_member",
    ),
    (
        "Deputy Director of Midwifery",
        "University Hospitals of Morecambe Bay",
        "board_member",
    ),
    (
        "Nurse Consultant - Paediatrics",
        "North Cumbria University Hospitals",
        "board_member",
    ),
    ("Assistant Chief Constable", "Cumbria Constabulary", "board_member"),
    ("Head teacher", "Secondary Head teachers Association", "board_member"),
    ("Head teacher", "Primary Head teachers Association", "board_member"),
    (
        "Director of Policy and Resources",
        "Cumbria District/Borough Councils",
        "board_member",
    ),
    ("Board Representative", "National Probation Service", "board_member"),
    (
        "Assistant Chief Executive",
        "Cumbria & Lancashire Community Rehabilitation Company",
        "board_member",
    ),
    ("Director of Public Health", "Public Health", "board_member"),
    (
        "Executive Director of Nursing / Safeguarding Lead",
        "NHS England",
        "board_member",
    ),
    (
        "Chief Officer (Voluntary Sector representative)",
        "East Cumbria Family Support",
        "board_member",
    ),
    ("Service Manager", "CAFCASS, Cumbria", "board_member"),
    (
        "Senior Manager - Targeted Youth Services",
        "Youth Offending Service",
        "board_member",
    ),
    ("Lay Member 1", None, "lay_member"),
    ("Lay Member 2", None, "lay_member"),
    (
        "Elected Member - Portfolio Holder for Children's Social Care",
        "Cumbria County Council, Children's Services",
        "observer",
    ),
    (
        "Safeguarding Adults Co-ordinator",
        "Cumbria Safeguarding Adults Board",
        "observer",
    ),
    ("Senior Manager - LSCB and Improvement", None, "business_team"),
]

# The demo's people, by (position, agency) of their seat in MEMBERS or of a demo
# sign-in (boards.demo.DEMO_SIGN_INS). The seeds give no names worth copying, and
# a demo must not name real people: these are invented and plainly fictitious
# ("Example", "Demo", "Sample"), and none appears in the seeds.
NAMES = {
    ("Independent Chair", None): "Morgan Example-Hart",
    ("Assistant Director (Children's Services)", "Barnardo's"): "Priya Demo-Lennox",
    (
        "Corporate Director - Children's Services",
        "Cumbria County Council, Children's Services",
    ): "Alex Demo-Fairweather",
    (
        "Assistant Director - Children and Families",
        "Cumbria County Council, Children's Services",
    ): "Sam Example",
    (
        "Director for Children and Families",
        "Cumbria Clinical Commissioning Group",
    ): "Jordan Sample-Reed",
    ("Lead GP", "Cumbria Clinical Commissioning Group"): "Dr Casey Example-Moor",
    (
        "Designated Doctor for Safeguarding Children",
        "Cumbria Clinical Commissioning Group",
    ): "Dr Robin Demo-Ashdown",
    (
        "Designated Nurse for Safeguarding",
        "Cumbria Clinical Commissioning Group",
    ): "Taylor Sample-Brook",
    (
        "Deputy Director of Nursing, Patient Safety & Leadership",
        "Cumbria Partnership NHS Foundation Trust",
    ): "Jamie Example-Quill",
    (
        "Deputy Director of Midwifery",
        "University Hospitals of Morecambe Bay",
    ): "Avery Demo-Marsh",
    (
        "Nurse Consultant - Paediatrics",
        "North Cumbria University Hospitals",
    ): "Rowan Sample-Finch",
    ("Assistant Chief Constable", "Cumbria Constabulary"): "Charlie Example-Stone",
    ("Head teacher", "Secondary Head teachers Association"): "Frankie Demo-Hollis",
    ("Head teacher", "Primary Head teachers Association"): "Kit Sample-Rowe",
    (
        "Director of Policy and Resources",
        "Cumbria District/Borough Councils",
    ): "Drew Example-Vale",
    ("Board Representative", "National Probation Service"): "Jesse Demo-Pike",
    (
        "Assistant Chief Executive",
        "Cumbria & Lancashire Community Rehabilitation Company",
    ): "Quinn Sample-Ford",
    ("Director of Public Health", "Public Health"): "Dr Reese Example-Lowe",
    (
        "Executive Director of Nursing / Safeguarding Lead",
        "NHS England",
    ): "Harper Demo-Wilde",
    (
        "Chief Officer (Voluntary Sector representative)",
        "East Cumbria Family Support",
    ): "Sky Sample-Hurst",
    ("Service Manager", "CAFCASS, Cumbria"): "Ellis Example-Crane",
    (
        "Senior Manager - Targeted Youth Services",
        "Youth Offending Service",
    ): "Remy Demo-Thorne",
    ("Lay Member 1", None): "Noor Sample-Oakes",
    ("Lay Member 2", None): "Billie Example-Dale",
    (
        "Elected Member - Portfolio Holder for Children's Social Care",
        "Cumbria County Council, Children's Services",
    ): "Cllr Dana Demo-Pryce",
    (
        "Safeguarding Adults Co-ordinator",
        "Cumbria Safeguarding Adults Board",
    ): "Lou Sample-Kerr",
    ("Senior Manager - LSCB and Improvement", None): "Pat Example-Wren",
    (
        "Chair, Learning and Improvement Subgroup",
        "Cumbria Partnership NHS Foundation Trust",
    ): "Jody Demo-Ridley",
    (
        "Performance and Information Officer",
        "Cumbria Constabulary",
    ): "Max Sample-Ivers",
}
