import Foundation
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore

/// Partner reasons are free text (records.md): a control, line break,
/// bidirectional or zero-width character is refused as bad input naming the
/// field, and the register stays exactly as it was (requests, partnerships,
/// audit trail).
@Suite struct PartnerFreeTextTests {
    static let hostile: [(String, String)] = [
        ("MAPP\u{7}", "reason: control characters are not allowed (\\x07 at character 5)"),
        ("\u{1B}[2Jcleared", "reason: control characters are not allowed (\\x1b at character 1)"),
        ("line one\nline two", "reason: line breaks are not allowed (\\n at character 9)"),
        ("abc\u{202E}fdp", "reason: bidirectional controls are not allowed (\\u202e at character 4)"),
        ("MA\u{200B}PP", "reason: zero-width characters are not allowed (\\u200b at character 3)"),
    ]

    /// Everything a refused step could have touched.
    private func state(_ register: PartnerRegister) throws -> [String] {
        try register.partnerState() + register.audit().map { "\($0.action) \($0.nominal ?? 0) \($0.detail)" }
    }

    @Test("a partner request's reason", arguments: hostile)
    func request(reason: String, message: String) throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let before = try state(register)
        #expect(storeFailure {
            try register.database.requestPartnership(nominal: .id(nominal), reason: reason, by: register.metOfficer)
        } == .badInput(message))
        #expect(try state(register) == before)
    }

    @Test("a decline's reason", arguments: hostile)
    func decline(reason: String, message: String) throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let asked = try register.database.requestPartnership(nominal: .id(nominal), reason: "MAPP",
                                                             by: register.metOfficer)
        let before = try state(register)
        #expect(storeFailure {
            try register.database.declinePartnerRequest(asked.id, reason: reason, by: register.cpc)
        } == .badInput(message))
        #expect(try state(register) == before)
    }

    @Test("the reason for ending a partnership, and the note of one added", arguments: hostile)
    func addAndEnd(reason: String, message: String) throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let before = try state(register)
        #expect(storeFailure {
            try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: false,
                                             reason: reason, by: register.cpc)
        } == .badInput(message))
        #expect(try state(register) == before)

        _ = try register.database.addPartner(nominal: .id(nominal), agency: register.met.id, restricted: false,
                                             by: register.cpc)
        let added = try state(register)
        #expect(storeFailure {
            try register.database.endPartnership(nominal: .id(nominal), agency: register.met.id, reason: reason,
                                                 by: register.cpc)
        } == .badInput(message))
        #expect(try state(register) == added)
    }

    @Test("a reason with accents, quotes and other scripts is kept as written")
    func ordinaryReason() throws {
        let (register, nominal) = try PartnerRegister.withNominal()
        let reason = "Ó'Brien’s MAPP — “level 2” 王 🦊"
        let asked = try register.database.requestPartnership(nominal: .id(nominal), reason: reason,
                                                             by: register.metOfficer)
        #expect(asked.reason == reason)
    }
}
