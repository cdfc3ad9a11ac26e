import Testing
@testable import VisorDomain

/// Agency names from an extract match the reference list without regard to
/// case, punctuation or `&`/`and` (agencies.md).
@Suite("Agency match key")
struct AgencyMatchKeyTests {
    @Test("different writings of one agency have the same key", arguments: [
        ("kent surrey & sussex", "Kent, Surrey and Sussex"),
        ("KENT, SURREY AND SUSSEX", "Kent, Surrey and Sussex"),
        ("Kent Surrey Sussex", "Kent, Surrey and Sussex"),
        ("HMP and YOI Parc", "HMP & YOI Parc"),
        ("hmp&yoi parc", "HMP & YOI Parc"),
        ("H.M.P. & Y.O.I. Parc", "HMP & YOI Parc"),
        ("Avon & Somerset Constabulary", "Avon and Somerset Constabulary"),
        ("Dyfed Powys Police", "Dyfed-Powys Police"),
        ("dyfed–powys police", "Dyfed-Powys Police"),
        ("Yorkshire & the Humber", "Yorkshire and the Humber"),
        ("  north   east ", "North East"),
        ("Hampshire & Isle-of-Wight Constabulary", "Hampshire and Isle of Wight Constabulary"),
    ])
    func sameKey(written: String, canonical: String) {
        #expect(Agency.matchKey(written) == Agency.matchKey(canonical))
    }

    @Test("keys are letters and digits only, lower-case, with the word 'and' left out")
    func keyShape() {
        #expect(Agency.matchKey("Kent, Surrey and Sussex") == "kentsurreysussex")
        #expect(Agency.matchKey("HMP & YOI Parc") == "hmpyoiparc")
        #expect(Agency.matchKey("Yorkshire and the Humber") == "yorkshirethehumber")
        #expect(Agency.matchKey("") == "")
        #expect(Agency.matchKey("& and AND") == "")
    }

    @Test("'and' inside a word is kept: only the whole word is dropped")
    func andInsideWords() {
        #expect(Agency.matchKey("East of England") == "eastofengland")
        #expect(Agency.matchKey("Cleveland Police") == "clevelandpolice")
        #expect(Agency.matchKey("Sandhurst") == "sandhurst")
        #expect(Agency.matchKey("Andover") == "andover")
        #expect(Agency.matchKey("East of England") != Agency.matchKey("East of Engl"))
    }

    @Test("accents are ignored like case")
    func accents() {
        #expect(Agency.matchKey("Gwent Police") == Agency.matchKey("GWÉNT POLICE"))
    }

    @Test("different agencies have different keys")
    func distinct() {
        #expect(Agency.matchKey("Kent Police") != Agency.matchKey("Kent, Surrey and Sussex"))
        #expect(Agency.matchKey("North Wales Police") != Agency.matchKey("South Wales Police"))
        #expect(Agency.matchKey("West Midlands") != Agency.matchKey("West Midlands Police"))
    }

    @Test("no two catalogue agencies of one kind share a key", arguments: AgencyKind.allCases)
    func catalogueKeysUnique(kind: AgencyKind) {
        let names = AgencyCatalog.all.filter { $0.kind == kind }.map(\.name)
        let keys = names.map { Agency.matchKey($0) }
        #expect(Set(keys).count == names.count)
        #expect(keys.allSatisfy { !$0.isEmpty })
    }

    @Test("the catalogue is agencies.md's list: 43 forces, 12 areas, 31 prisons")
    func catalogueCounts() {
        #expect(AgencyCatalog.policeForces.count == 43)
        #expect(AgencyCatalog.probationAreas.count == 12)
        #expect(AgencyCatalog.prisons.count == 31)
        #expect(AgencyCatalog.all.count == 86)
        #expect(AgencyCatalog.all.first?.kind == .police)
        #expect(AgencyCatalog.all.last?.kind == .prison)
        #expect(Set(AgencyCatalog.policeForces).count == 43)
        #expect(AgencyCatalog.probationAreas.contains("Kent, Surrey and Sussex"))
        #expect(AgencyCatalog.prisons.contains("HMP & YOI Parc"))
    }

    @Test("agency kinds read as nouns in messages and sort police, probation, prison")
    func kinds() {
        #expect(AgencyKind.police.noun == "police force")
        #expect(AgencyKind.probation.noun == "probation area")
        #expect(AgencyKind.prison.noun == "prison")
        #expect([AgencyKind.prison, .police, .probation].sorted() == [.police, .probation, .prison])
    }
}
