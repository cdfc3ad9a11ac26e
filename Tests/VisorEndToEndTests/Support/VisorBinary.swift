import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the built `visor` executable for end-to-end tests.
///
/// `swift test` builds every product into the same products folder as the test
/// runner (`<scratch>/<triple>/debug/VisorPackageTests.xctest`), so `visor` is
/// its sibling, whatever `--scratch-path` was used. In order:
/// 1. `VISOR_BINARY` in the environment, if set (to test an installed build);
/// 2. `visor` beside the running test executable (`/proc/self/exe`, else `Bundle.main`);
/// 3. `<repository>/.build/debug/visor`, the repository found from `#filePath`.
enum VisorBinary {
    /// The path of the `visor` executable, or an error naming every place tried.
    static func path(filePath: String = #filePath) throws -> String {
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["VISOR_BINARY"], !override.isEmpty {
            candidates.append(override)
        }
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? Bundle.main.executablePath
        if let runner {
            candidates.append(URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("visor").path)
        }
        let repository = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // VisorEndToEndTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent(".build/debug/visor").path)
        if let found = candidates.first(where: { access($0, X_OK) == 0 }) { return found }
        throw Spawn.Failure(description: "no visor executable found (tried \(candidates.joined(separator: ", "))); run `swift build --product visor` or set VISOR_BINARY")
    }
}
