import ArgumentParser
import VisorDomain
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
        guard let kind = ClearanceKind(rawValue: clearance) else {
            throw ValidationError("--clearance: \(clearance) is not one of "
                + ClearanceKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        try reporting {
            let register = try database.open()
            if try register.holdsRegister() {
                throw StoreError.cannotCreate("\(register.path) already holds a register; it was not changed")
            }
            let password = try Password.read(prompt: "Password for \(admin): ")
            let user = try register.createRegister(adminUsername: admin, agencyName: agency, password: password,
                                                   clearance: kind)
            print("created register \(register.path) with administrator \(user.username)")
        }
    }
}
