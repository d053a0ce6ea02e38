import DataFormats
/// Writes a ZIP archive with stored (uncompressed) members only — enough for
/// `.npz` files that NumPy reads back, and for test fixtures.
/// No zip64: archives must stay under 4 GiB and 65535 members.
enum ZipWriter {
    static func archive(_ members: [(name: String, data: [UInt8])]) throws(DataFormatError) -> [UInt8] {
        guard members.count <= 0xFFFF else { throw DataFormatError("too many members for a ZIP archive without zip64") }
        var out: [UInt8] = []
        var central: [UInt8] = []
        for member in members {
            let name = Array(member.name.utf8)
            guard name.count <= 0xFFFF else { throw DataFormatError("member name is too long", member: member.name) }
            let offset = out.count
            guard offset <= 0xFFFF_FFFE, member.data.count <= 0xFFFF_FFFE else {
                throw DataFormatError("archive would exceed 4 GiB, which needs zip64", member: member.name)
            }
            let crc = crc32Checksum(member.data)
            // Fields shared by the local header and the central record, from "version needed" on.
            var common: [UInt8] = []
            common.appendLittleEndian(UInt16(20))         // version needed: 2.0
            common.appendLittleEndian(UInt16(0x0800))     // flags: names are UTF-8
            common.appendLittleEndian(UInt16(0))          // method: stored
            common.appendLittleEndian(UInt16(0))          // time 00:00:00
            common.appendLittleEndian(UInt16(0x21))       // date 1980-01-01
            common.appendLittleEndian(crc)
            common.appendLittleEndian(UInt32(member.data.count))
            common.appendLittleEndian(UInt32(member.data.count))
            common.appendLittleEndian(UInt16(name.count))
            common.appendLittleEndian(UInt16(0))          // extra length

            out.appendLittleEndian(UInt32(0x0403_4B50))
            out += common
            out += name
            out += member.data

            central.appendLittleEndian(UInt32(0x0201_4B50))
            central.appendLittleEndian(UInt16(20))        // version made by
            central += common
            central.appendLittleEndian(UInt16(0))         // comment length
            central.appendLittleEndian(UInt16(0))         // disk number
            central.appendLittleEndian(UInt16(0))         // internal attributes
            central.appendLittleEndian(UInt32(0))         // external attributes
            central.appendLittleEndian(UInt32(offset))
            central += name
        }
        let centralOffset = out.count
        guard centralOffset <= 0xFFFF_FFFF - central.count else {
            throw DataFormatError("archive would exceed 4 GiB, which needs zip64")
        }
        out += central
        out.appendLittleEndian(UInt32(0x0605_4B50))
        out.appendLittleEndian(UInt16(0))                 // this disk
        out.appendLittleEndian(UInt16(0))                 // disk with the central directory
        out.appendLittleEndian(UInt16(members.count))
        out.appendLittleEndian(UInt16(members.count))
        out.appendLittleEndian(UInt32(central.count))
        out.appendLittleEndian(UInt32(centralOffset))
        out.appendLittleEndian(UInt16(0))                 // comment length
        return out
    }
}
