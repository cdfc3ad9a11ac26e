import Foundation
import GRDB
import Testing
import VisorDomain
import VisorRegister
@testable import VisorStore
@testable import VisorTUI

/// The application on a register held in memory: no file, the same keys.
@MainActor
@Suite("The application on a register in memory")
struct InMemoryAppTests {
    @Test("A new register's administrator signs in, acknowledges the duties and sees an empty list as 0/0")
    func emptyRegisterInMemory() throws {
        let database = try AppDatabase(DatabaseQueue(), clock: AppFixture.clock)
        _ = try database.createRegister(adminUsername: "root", agencyName: "London", password: "secret",
                                        clearance: .bscCRB)
        let core = AppCore(database: database, policy: .standard, clock: AppFixture.clock,
                           options: AppOptions(backgroundWork: false))
        core.handle(.resize(width: 80, height: 24))
        core.signIn("root", password: "secret")
        #expect(core.screen == .acknowledge)
        core.press(.character("a"))
        #expect(core.screen == .main)
        #expect(core.paneLines(.list)[0].contains("0/0"))
        #expect(core.statusLineText.hasPrefix(" root · London"))
    }
}
