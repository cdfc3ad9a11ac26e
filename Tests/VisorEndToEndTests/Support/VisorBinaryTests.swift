import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Finding the visor executable")
struct VisorBinaryTests {
    @Test("swift test builds visor beside the test runner, and the harness finds it there")
    func findsBuiltBinary() throws {
        let path = try VisorBinary.path()
        #expect(path.hasSuffix("/visor"))
        #expect(access(path, X_OK) == 0)
    }
}
