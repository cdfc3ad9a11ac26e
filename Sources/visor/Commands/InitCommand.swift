import ArgumentParser
import Foundation
import VisorDomain
import VisorRegister
import VisorStore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty register with its first administrator.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "User name of the first administrator.") var admin: String
    @Option(help: "The administrator's agency (a name from agencies.md).") var agency: String
    @Option(help: "The administrator's clearance kind (SC, DV, NPPV2, NPPV3, BSC_CRB).")
    var clearance: String = ClearanceKind.bscCRB.rawValue

    func run() throws {
        try reporting {
            let path = database.resolvedPath
            // The check comes first, whatever else is wrong: a foreign or damaged file is refused untouched.
            let existed = try AppDatabase.check(path: path) == .visor
            guard let kind = ClearanceKind(rawValue: clearance) else {
                throw ValidationError("--clearance: \(clearance) is not one of "
                    + ClearanceKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            if existed, try AppDatabase.open(path: path, clock: SystemClock()).holdsRegister() {
                throw StoreError.cannotCreate("\(path) already holds a register; it was not changed")
            }
            // Checked before any file is created, so a mistake leaves nothing behind.
            let key = Agency.matchKey(agency)
            guard AgencyCatalog.all.contains(where: { Agency.matchKey($0.name) == key }) else {
                throw StoreError.badInput("--agency \"\(agency)\": not one of the agencies of agencies.md")
            }
            let password = try Password.read(prompt: "Password for \(admin): ")
            do {
                let register = try AppDatabase.open(path: path, clock: SystemClock())
                let user = try register.createRegister(adminUsername: admin, agencyName: agency, password: password,
                                                       clearance: kind)
                print("created register \(register.path) with administrator \(user.username)")
            } catch {
                if !existed {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                }
                throw error
            }
        }
    }
}
