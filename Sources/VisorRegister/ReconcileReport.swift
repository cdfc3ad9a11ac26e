import Foundation
import VisorDomain

/// What `visor reconcile` did: the area, how many cases it stored and
/// rejected, and the discrepancies between the stored extract and the register.
public struct ReconcileReport: Sendable {
    public var area: Agency
    /// Cases stored (0 unless `committed`).
    public var stored = 0
    public var rejected = 0
    /// False when nothing was written (an invalid row without `--skip-invalid`, or a bad header).
    public var committed = false
    /// By kind (nominals-csv.md's order), then cases in file order, then nominals by id.
    public var discrepancies: [Discrepancy] = []

    package init(area: Agency, stored: Int = 0, rejected: Int = 0, committed: Bool = false, discrepancies: [Discrepancy] = []) {
        self.area = area
        self.stored = stored
        self.rejected = rejected
        self.committed = committed
        self.discrepancies = discrepancies
    }
}
