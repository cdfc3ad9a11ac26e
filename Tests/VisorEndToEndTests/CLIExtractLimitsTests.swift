import Foundation
import Testing
import VisorDomain
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, item 6, through the binary: the policy's line limit reaches
/// `visor import` and `visor reconcile`, and a device is refused at once.
@Suite("visor command line: extract limits")
struct CLIExtractLimitsTests {
    @Test("The register's extracts.max_line_bytes is the limit of visor import: a longer line is a line N fault")
    func policyLimit() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        let set = try sandbox.visor(["policy", "set", "extracts.max_line_bytes", "1024", "--db", register, "--as", "root"],
                                    environment: ["VISOR_PASSWORD": CLITemplate.password])
        #expect(set.status == 0, "\(set)")
        let long = CLITests.row(2).replacingOccurrences(of: "Anna", with: String(repeating: "a", count: 1100))
        let extract = try sandbox.write("long.csv", [CLITests.header, CLITests.row(1), long, CLITests.row(3)]
            .joined(separator: "\n") + "\n")

        let result = try sandbox.visor(["import", extract, "--db", register, "--as", "root", "--skip-invalid"],
                                       environment: ["VISOR_PASSWORD": CLITemplate.password])

        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines == ["line 3: *: : line longer than 1024 bytes"])
        #expect(result.stdoutLines.last == "imported: 2 created, 0 updated, 1 rejected")
    }

    @Test("visor import and visor reconcile of /dev/zero: exit 66 at once, naming what it is")
    func deviceRefused() throws {
        let sandbox = try CLISandbox()
        let register = try sandbox.register()
        for command in [["import", "/dev/zero"], ["reconcile", "/dev/zero"]] {
            let result = try sandbox.visor(command + ["--db", register, "--as", "root"],
                                           environment: ["VISOR_PASSWORD": CLITemplate.password])
            #expect(result.status == 66, "\(command): \(result)")
            #expect(result.stderrLines == ["visor: /dev/zero: is a character device, not an extract file"],
                    "\(command): \(result)")
        }
    }
}
