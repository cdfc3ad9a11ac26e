import VisorDomain
import VisorRegister
import VisorStore

/// Draws realistic nominals: about 75% category 1, 24% category 2, under 1%
/// categories 3 and 4; about 98% at level 1; most records complete and their
/// duties met, a small share not — so every rule has live cases at scale.
struct DemoNominalFactory {
    let context: DemoContext
    let forces: [AgencyID]
    let areas: [AgencyID]
    let prisons: [AgencyID]
    let london: AgencyID
    let met: AgencyID
    let belmarsh: AgencyID

    init(context: DemoContext) {
        self.context = context
        forces = context.agenciesByKind[.police] ?? []
        areas = context.agenciesByKind[.probation] ?? []
        prisons = context.agenciesByKind[.prison] ?? []
        london = context.agency("London")
        met = context.agency("Metropolitan Police Service")
        belmarsh = context.agency("HMP Belmarsh")
    }

    func make(index: Int, random: inout DemoRandom) -> DemoNominal {
        let today = context.today
        let person = DemoPerson(index: index, today: today, random: &random)
        let categoryRoll = random.int(0...9999)
        let category: MAPPACategory = categoryRoll < 7500 ? .one : categoryRoll < 9920 ? .two
            : categoryRoll < 9970 ? .three : .four
        let levelRoll = random.int(0...999)
        var level: MAPPALevel = levelRoll < 980 ? .one : levelRoll < 995 ? .two : .three
        if category == .three, level == .one { level = random.chance(0.7) ? .two : .three }
        let policeOwned = category == .one || category == .four
        let inLondon = random.chance(0.15)
        let force = inLondon ? met : random.pick(forces)
        let area = inLondon ? london : random.pick(areas)
        let owner = policeOwned ? force : area
        // The register holds adults: the record, and all it dates, starts at the 18th birthday at the earliest.
        let adult = person.adulthood
        let created = random.date(daysBefore: today, 15...(5 * 365), notBefore: adult)
        var nominal = DemoNominal(
            person: person, category: category, level: level, owner: owner,
            ownerKind: policeOwned ? .police : .probation, createdOn: created, dutyChangedOn: created)
        nominal.homeForce = force
        nominal.hasCRN = !policeOwned || random.chance(0.3)
        nominal.hasPNC = random.chance(0.95)
        nominal.hasCRO = random.chance(0.5)
        if random.chance(0.97) {
            nominal.manager = context.staff.manager(of: owner, &random)
            nominal.managerAssignedOn = created
        }
        if random.chance(0.2) {
            placeInCustody(&nominal, inLondon: inLondon, random: &random)
        } else {
            let orderRoll = random.int(0...9)
            nominal.orderType = category == .one ? (orderRoll < 3 ? .licence : orderRoll < 5 ? .communityOrder : .none)
                : (orderRoll < 6 ? .licence : .communityOrder)
        }
        if nominal.orderType != .none || !policeOwned { nominal.probationArea = area }
        if level.isMultiAgency {
            nominal.mappEntry = min(created.adding(days: random.int(0...30)), today)  // not in the future
            nominal.levelSince = nominal.mappEntry
        }
        let roshRoll = random.int(0...9)
        nominal.rosh = roshRoll < 3 ? .low : roshRoll < 7 ? .medium : roshRoll < 9 ? .high : .veryHigh
        nominal.roshDate = random.date(daysBefore: today, 10...400, notBefore: adult)
        if category == .one {
            nominal.lastNotification = random.chance(0.985) ? random.date(daysBefore: today, 0...364, notBefore: adult)
                : random.date(daysBefore: today, 366...600, notBefore: adult)
        }
        // A few records lack part of the minimum data set (R8).
        if random.chance(0.01) { nominal.recordEthnicity = false }
        if random.chance(0.005) { nominal.rosh = nil; nominal.roshDate = nil }
        if random.chance(0.05) {
            nominal.aliases = [(random.pick(DemoNames.culture(&random).surnames), person.forenames)]
        }
        meetDuties(&nominal, random: &random)
        return nominal
    }

    private func placeInCustody(_ nominal: inout DemoNominal, inLondon: Bool, random: inout DemoRandom) {
        let today = context.today
        nominal.custody = .inCustody
        nominal.establishment = inLondon && random.chance(0.6) ? belmarsh : random.pick(prisons)
        // Custody as an adult: not before the 18th birthday (the release date is after today, so after it).
        nominal.custodyStart = random.date(daysBefore: today, 30...2000, notBefore: nominal.person.adulthood)
        nominal.releaseDate = today.adding(days: random.int(10...1500))
        nominal.releaseType = random.chance(0.6) ? .potential : .actual
        nominal.orderType = .licence
        nominal.hasNOMS = true
        if let start = nominal.custodyStart, nominal.createdOn > start, random.chance(0.5) {
            nominal.createdOn = start
            nominal.dutyChangedOn = start
            nominal.managerAssignedOn = nominal.manager == nil ? nil : start
        }
    }

    /// Meets each duty for most nominals: partners, validation and review, meetings, manager views.
    private func meetDuties(_ nominal: inout DemoNominal, random: inout DemoRandom) {
        let today = context.today
        let created = nominal.createdOn
        if nominal.category == .one, nominal.level.isMultiAgency, nominal.ownerKind == .police,
           nominal.orderType != .none, let area = nominal.probationArea, random.chance(0.9) {
            nominal.partners.append((area, false, created))
        }
        if nominal.category == .two, nominal.level.isMultiAgency, nominal.ownerKind == .probation,
           let force = nominal.homeForce, random.chance(0.9) {
            nominal.partners.append((force, false, created))
        } else if nominal.ownerKind == .probation, let force = nominal.homeForce, random.chance(0.3) {
            nominal.partners.append((force, random.chance(0.3), created))
        }
        if let prison = nominal.establishment {
            if random.chance(0.9) {
                nominal.partners.append((prison, false, max(created, nominal.custodyStart ?? created)))
            } else if random.chance(0.4) {
                nominal.pendingRequest = (prison, today.adding(days: -random.int(0...8)),
                                          "Held at this establishment; release planning")
            }
        }
        if random.chance(0.97) {
            let validated = created.adding(days: random.int(1...12))
            nominal.validatedOn = validated
            let period = nominal.level.isMultiAgency ? 91 : 182
            // A review follows the validation, and is due a period after it.
            if validated.adding(days: period) < today {
                nominal.lastReviewOn = random.chance(0.97)
                    ? random.date(daysBefore: today, 0...(period - 5), notBefore: validated)
                    : random.date(daysBefore: today, (period + 1)...(period + 60), notBefore: validated)
            }
        }
        if nominal.level.isMultiAgency {
            let period = nominal.level == .two ? 16 * 7 : 8 * 7
            let held = random.chance(0.92) ? today.adding(days: -random.int(1...(period - 7)))
                : today.adding(days: -random.int((period + 1)...(period + 40)))
            if held > (nominal.levelSince ?? created) { nominal.meeting = (held, held.adding(days: period)) }
        }
        if nominal.manager != nil {
            // Not before the record (or the custody start it was created at) existed.
            let assigned = nominal.managerAssignedOn ?? created
            nominal.managerLastView = random.chance(0.97) ? random.date(daysBefore: today, 0...29, notBefore: assigned)
                : random.date(daysBefore: today, 31...120, notBefore: assigned)
        }
        nominal.entryCount = random.int(0...2)
    }
}
