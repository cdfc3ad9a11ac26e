import Foundation

/// What `stat` says a path is, in the words a message uses. Visor reads and
/// writes regular files only: a device (`/dev/zero` never ends), a FIFO (its
/// `open` blocks until a writer comes) or a socket is refused before it is opened.
enum FileKind: Equatable {
    case regular, folder, characterDevice, blockDevice, fifo, socket, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .folder
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// "a character device", as in "PATH: is a character device".
    var noun: String {
        switch self {
        case .regular: "a regular file"
        case .folder: "a directory"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .other: "something other than a regular file"
        }
    }
}
