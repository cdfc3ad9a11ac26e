import Foundation
import Testing
import VisorTUI

/// Compares a grid's text with `Tests/VisorTUITests/__Snapshots__/NAME.txt`.
///
/// With `VISOR_RECORD_SNAPSHOTS=1` in the environment it writes the file
/// instead and passes; review the new file with `git diff` before committing.
func assertSnapshot(_ grid: ScreenGrid, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    assertSnapshotText(grid.lines().joined(separator: "\n") + "\n", file: name + ".txt", sourceLocation: sourceLocation)
}

/// Compares `actual` with `__Snapshots__/FILE`, or records it (see `assertSnapshot`).
func assertSnapshotText(_ actual: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let name = file
    let url = snapshotDirectory().appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["VISOR_RECORD_SNAPSHOTS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("could not record snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
        Issue.record("no snapshot at \(url.path); run with VISOR_RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("""
            snapshot \(name) differs (re-record with VISOR_RECORD_SNAPSHOTS=1 if the change is intended)
            --- expected (\(url.path))
            \(expected)--- actual
            \(actual)
            """, sourceLocation: sourceLocation)
    }
}

/// `__Snapshots__` beside this file's folder, found from the source path so it
/// works from any working directory.
private func snapshotDirectory(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // VisorTUITests
        .appendingPathComponent("__Snapshots__")
}
