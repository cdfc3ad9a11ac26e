import ArgumentParser

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile", abstract: "Store an area's case extract and list its discrepancies.")
}
