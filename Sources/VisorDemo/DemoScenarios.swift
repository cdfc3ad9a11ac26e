import VisorDomain
import VisorRegister
import VisorStore

/// Hand-made nominals, owned by London probation or the Metropolitan Police
/// (so the demo users meet them), that put each rule's duty on the edge:
/// overdue, due today or within the warning window. They come first, so the
/// demo shows every rule at any size.
enum DemoScenarios {
    typealias Scenario = (label: String, shape: @Sendable (inout DemoNominal, DemoNominalFactory, LocalDate) -> Void)

    static let all: [Scenario] = [
        ("R3 prison not partner, created before custody", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            custody(&n, f, start: d.adding(days: -40), release: d.adding(days: 400))
            n.createdOn = d.adding(days: -100); n.dutyChangedOn = n.createdOn; n.managerAssignedOn = n.createdOn
            n.validatedOn = n.createdOn.adding(days: 2)
        }),
        ("R3 prison not partner, release in about six months", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            custody(&n, f, start: d.adding(days: -200), release: d.adding(months: 6).adding(days: 7))
            n.createdOn = d.adding(days: -10); n.dutyChangedOn = n.createdOn; n.managerAssignedOn = n.createdOn
            n.validatedOn = n.createdOn.adding(days: 2); n.lastReviewOn = nil
        }),
        ("R4 prison request waiting a week", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            custody(&n, f, start: d.adding(days: -300), release: d.adding(days: 500))
            n.partners = []
            n.pendingRequest = (f.belmarsh, d.adding(days: -7), "Serving sentence at HMP Belmarsh; sentence planning")
        }),
        ("R4 police request from yesterday", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            n.partners = []
            n.pendingRequest = (f.met, d.adding(days: -1), "Intelligence of local offending in Lambeth")
        }),
        ("R4 London asks the Met", { n, f, d in
            police(&n, f, category: .one, level: .one)
            n.pendingRequest = (f.london, d.adding(days: -2), "Supervising a community order for another offence")
        }),
        ("R5 probation not partner (licence)", { n, f, d in
            police(&n, f, category: .one, level: .two)
            n.orderType = .licence; n.probationArea = f.london; n.dutyChangedOn = d.adding(days: -3)
        }),
        ("R5 probation not partner (community order, today)", { n, f, d in
            police(&n, f, category: .one, level: .three)
            // The order changed today on a record of some standing (its MAPP meeting and checks predate today).
            n.orderType = .communityOrder; n.probationArea = f.london; n.dutyChangedOn = d
        }),
        ("R6 police not partner", { n, f, d in
            probation(&n, f, category: .two, level: .three)
            n.dutyChangedOn = d.adding(days: -5)
        }),
        ("R6 police not partner, level raised today", { n, f, d in
            probation(&n, f, category: .two, level: .two)
            n.dutyChangedOn = d; n.levelSince = d
        }),
        ("R7 probation partner left on category 1 level 1", { n, f, d in
            police(&n, f, category: .one, level: .one)
            n.partners = [(f.london, false, d.adding(days: -90))]
            n.dutyChangedOn = d.adding(days: -2)
        }),
        ("R8 incomplete record", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            n.recordEthnicity = false; n.rosh = nil; n.roshDate = nil
            n.createdOn = d.adding(days: -20); n.dutyChangedOn = n.createdOn; n.managerAssignedOn = n.createdOn
            n.validatedOn = d.adding(days: -15)
        }),
        ("R8 new record missing its risk level", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            n.rosh = nil; n.roshDate = nil
            n.createdOn = d.adding(days: -1); n.dutyChangedOn = n.createdOn; n.validatedOn = nil; n.lastReviewOn = nil
            n.managerAssignedOn = n.createdOn; n.managerLastView = d
        }),
        ("R10 never validated", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            n.createdOn = d.adding(days: -30); n.dutyChangedOn = n.createdOn; n.managerAssignedOn = n.createdOn
            n.validatedOn = nil; n.lastReviewOn = nil
        }),
        ("R10 awaiting validation", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            n.createdOn = d.adding(days: -3); n.dutyChangedOn = n.createdOn; n.managerAssignedOn = n.createdOn
            n.validatedOn = nil; n.lastReviewOn = nil
        }),
        ("R10 review overdue", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            n.createdOn = d.adding(days: -400); n.validatedOn = d.adding(days: -390); n.lastReviewOn = d.adding(days: -200)
        }),
        ("R11 MAPP review overdue", { n, f, d in
            probation(&n, f, category: .two, level: .two)
            n.partners = [(f.met, false, n.createdOn)]
            n.meeting = (d.adding(days: -120), d.adding(days: -8))
        }),
        ("R11 MAPP review due this week", { n, f, d in
            probation(&n, f, category: .two, level: .three)
            n.partners = [(f.met, false, n.createdOn)]
            n.meeting = (d.adding(days: -51), d.adding(days: 5))
        }),
        ("R11 category 3 with no meeting yet", { n, f, d in
            probation(&n, f, category: .three, level: .two)
            n.levelSince = d.adding(days: -3); n.mappEntry = n.levelSince; n.meeting = nil
        }),
        ("R14 not viewed by its manager", { n, f, d in
            probation(&n, f, category: .two, level: .one)
            n.managerLastView = d.adding(days: -45)
        }),
        ("R16 annual notification overdue", { n, f, d in
            police(&n, f, category: .one, level: .one)
            n.lastNotification = d.adding(years: -1).adding(days: -5)
        }),
        ("R16 annual notification due soon", { n, f, d in
            police(&n, f, category: .one, level: .one)
            n.lastNotification = d.adding(years: -1).adding(days: 10)
        }),
    ]

    /// A London probation nominal, managed by `om`, every other duty met.
    private static func probation(_ n: inout DemoNominal, _ f: DemoNominalFactory, category: MAPPACategory,
                                  level: MAPPALevel) {
        base(&n, f, category: category, level: level, owner: f.london, kind: .probation)
        n.hasCRN = true
        n.orderType = .licence
        n.probationArea = f.london
        if category == .two, level.isMultiAgency { n.partners = [] }
        if let om = f.context.staff.named["om"] { n.manager = (om, "LDN0001") }
    }

    /// A Metropolitan Police nominal, every other duty met.
    private static func police(_ n: inout DemoNominal, _ f: DemoNominalFactory, category: MAPPACategory,
                               level: MAPPALevel) {
        base(&n, f, category: category, level: level, owner: f.met, kind: .police)
        n.orderType = .none
        n.probationArea = nil
        // Seeded by the person, so scenarios stay independent of the bulk draws.
        var random = DemoRandom(seed: UInt64(truncatingIfNeeded: n.person.pncID.serial &* 31 &+ n.person.pncID.year))
        n.manager = f.context.staff.manager(of: f.met, &random)
    }

    private static func base(_ n: inout DemoNominal, _ f: DemoNominalFactory, category: MAPPACategory,
                             level: MAPPALevel, owner: AgencyID, kind: AgencyKind) {
        let d = f.context.today
        // The dates below reach 400 days back, to a record created and a custody begun as an adult.
        n.person.dateOfBirth = min(n.person.dateOfBirth, d.adding(years: -20))
        n.category = category
        n.level = level
        n.owner = owner
        n.ownerKind = kind
        n.homeForce = f.met
        n.custody = .community
        n.establishment = nil; n.custodyStart = nil; n.releaseDate = nil; n.releaseType = nil
        n.hasNOMS = false; n.hasPNC = true
        n.recordEthnicity = true
        n.rosh = .high; n.roshDate = d.adding(days: -60)
        n.lastNotification = category == .one ? d.adding(days: -100) : nil
        n.createdOn = d.adding(days: -300); n.dutyChangedOn = n.createdOn; n.managerAssignedOn = n.createdOn
        n.validatedOn = n.createdOn.adding(days: 2); n.lastReviewOn = d.adding(days: -10)
        n.levelSince = level.isMultiAgency ? n.createdOn : nil
        n.mappEntry = n.levelSince
        n.meeting = level.isMultiAgency ? (d.adding(days: -20), d.adding(days: level == .two ? 92 : 36)) : nil
        n.managerLastView = d.adding(days: -3)
        n.partners = []
        n.pendingRequest = nil
        n.entryCount = 2
    }

    private static func custody(_ n: inout DemoNominal, _ f: DemoNominalFactory, start: LocalDate,
                                release: LocalDate) {
        n.custody = .inCustody
        n.establishment = f.belmarsh
        n.custodyStart = start
        n.releaseDate = release
        n.releaseType = .potential
        n.hasNOMS = true
    }
}
