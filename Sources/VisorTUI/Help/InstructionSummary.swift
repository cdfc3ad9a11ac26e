/// The duties of PI 05/2009 "Mandatory Use of ViSOR" that every user
/// acknowledges at first sign-in (R15), in the instruction's order.
public enum InstructionSummary {
    public static let title = "PI 05/2009 — Mandatory use of the register: your duties"

    public static let duties: [String] = [
        "1. Probation creates the record of every Category 2 offender at level 2 or 3 at least six months before "
            + "the actual or potential release date, and of a Category 3 case it managed when the case enters "
            + "the MAPP meeting structure.",
        "2. The prison holding the offender asks to be made a partner at least six months before release — or "
            + "on entry to custody when a record exists — and then adds what it knows. Probation answers "
            + "prisons' partner requests swiftly.",
        "3. Police create and manage the records of Category 1 offenders at level 2 or 3 on licence or a "
            + "community order, and make the probation area a partner.",
        "4. Probation makes the police a partner to every Category 2 offender at level 2 or 3.",
        "5. Probation is not made a partner on Category 1 level 1 cases, but shares what it knows with the police.",
        "6. Records carry the minimum data set, and areas regularly reconcile their case-management systems "
            + "with the register.",
        "7. Records are created and validated to the ViSOR Standards.",
        "8. Every area keeps the roles covered: Central Point of Contact, administrators, account creators, "
            + "trainers — with succession planning.",
        "9. CPCs and deputies hold Security Check (SC) clearance; everyone else at least a Baseline Standard "
            + "Check with a CRB check.",
        "10. Senior Probation Officers log on regularly and make sure their staff view and use the records.",
        "11. Everyone likely to use the register knows this instruction.",
    ]
}
