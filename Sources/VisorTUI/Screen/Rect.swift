/// A rectangle of screen cells; negative sizes are clamped to zero so layout
/// arithmetic at tiny terminal sizes never produces an invalid rectangle.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    /// Left column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Width in columns (never negative).
    public var width: Int
    /// Height in rows (never negative).
    public var height: Int

    /// Creates a rectangle, clamping negative sizes to zero.
    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// One past the right-most column.
    public var maxX: Int { x + width }
    /// One past the bottom row.
    public var maxY: Int { y + height }
    /// True when the rectangle has no cells.
    public var isEmpty: Bool { width == 0 || height == 0 }
    /// `x,y widthxheight`, for test messages.
    public var description: String { "\(x),\(y) \(width)x\(height)" }

    /// True when the cell at (x, y) lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The rectangle shrunk by `amount` on every side (a box's interior for 1).
    public func inset(by amount: Int) -> Rect {
        inset(top: amount, left: amount, bottom: amount, right: amount)
    }

    /// The rectangle shrunk by the given margins, never below zero size.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The cells both rectangles share (empty when they do not overlap).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Splits into a top part of `height` rows (clamped) and the rest below.
    public func splitRows(top rows: Int) -> (top: Rect, bottom: Rect) {
        let h = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: h),
                Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// Splits into the rest above and a bottom part of `rows` rows (clamped).
    public func splitRows(bottom rows: Int) -> (top: Rect, bottom: Rect) {
        splitRows(top: height - min(max(0, rows), height))
    }

    /// Splits into a left part of `columns` columns (clamped) and the rest to the right.
    public func splitColumns(left columns: Int) -> (left: Rect, right: Rect) {
        let w = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: w, height: height),
                Rect(x: x + w, y: y, width: width - w, height: height))
    }

    /// Splits into the rest on the left and a right part of `columns` columns (clamped).
    public func splitColumns(right columns: Int) -> (left: Rect, right: Rect) {
        splitColumns(left: width - min(max(0, columns), width))
    }
}
