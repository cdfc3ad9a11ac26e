/// One column of the screen: a grapheme and the role it is drawn in.
///
/// A double-width grapheme occupies two cells: its own, and a continuation cell
/// to its right that holds no text of its own and is skipped when drawing.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown in this column (a space when empty).
    public var character: Character
    /// The semantic role that picks colours and attributes.
    public var role: ThemeRole
    /// True for the right half of a double-width grapheme.
    public var isContinuation: Bool

    /// Creates a cell; the default is a blank in the normal role.
    public init(character: Character = " ", role: ThemeRole = .normal, isContinuation: Bool = false) {
        self.character = character
        self.role = role
        self.isContinuation = isContinuation
    }

    /// A blank cell in the given role.
    public static func blank(_ role: ThemeRole = .normal) -> Cell {
        Cell(character: " ", role: role)
    }
}
