import Foundation

/// A fingerprint of everything a build reads: every file under the content
/// and theme folders (paths and bytes) and the options. When it matches the
/// published site's manifest, the build has nothing to do and stops before
/// reading anything else.
public enum SourceFingerprint {
    public static func of(folders: [String], options: [String]) -> Fingerprint {
        var print = Fingerprint()
        for option in options { print.add(option) }
        let fm = FileManager.default
        for folder in folders {
            print.add("folder:" + folder)
            guard let enumerator = fm.enumerator(atPath: folder) else { continue }
            var files: [String] = []
            while let item = enumerator.nextObject() as? String { files.append(item) }
            for item in files.sorted() {
                let path = (folder as NSString).appendingPathComponent(item)
                var isDirectory: ObjCBool = false
                // Only regular files inside the folder: a pipe or a link to
                // /dev/zero would never end (the load step reports them).
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      FolderBoundary.isRegularFile(path), FolderBoundary.escape(of: path, from: folder) == nil,
                      let handle = FileHandle(forReadingAtPath: path) else { continue }
                print.add(item)
                while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    print.add(bytes: chunk)
                }
                try? handle.close()
            }
        }
        return print
    }
}
