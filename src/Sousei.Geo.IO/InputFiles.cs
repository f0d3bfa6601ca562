using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Sousei.Geo.IO;

/// <summary>
/// The one way every reader of the project opens an input file: only regular files (a device such as /dev/zero, a
/// FIFO or a socket is refused by name before it is opened, so nothing hangs or fills the memory), at most
/// <see cref="MaxBytes"/>, and gzip (<c>.gz</c>) checked by its magic bytes and decompressed while counting: at most
/// <see cref="MaxBytes"/> out and at most <see cref="MaxExpansion"/> times the compressed size (docs/data-model.md).
/// Problems are <see cref="InvalidDataException"/>s whose message names what is wrong; callers add the file name.
/// </summary>
public static class InputFiles
{
    /// <summary>Largest input read into memory (and largest decompressed layer): 2 GiB less a little, the array limit.</summary>
    public const long MaxBytes = 2_000_000_000;

    /// <summary>Largest ratio of decompressed to compressed size; real layers stay far below (GeoJSON ≈ 10–80×).</summary>
    public const int MaxExpansion = 250;

    /// <summary>Reads the whole file, decompressing <c>.gz</c>; throws <see cref="InvalidDataException"/> (or IO errors) naming the problem.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        using var stream = OpenRead(path, out var length);
        if (stream is FileStream)
        {
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return bytes;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory, 1 << 16);
        return memory.ToArray();
    }

    /// <summary>
    /// Opens the file for reading as <see cref="ReadAllBytes"/> reads it, decompressing <c>.gz</c> while counting (the
    /// limits are checked as the bytes arrive, so a stream reader never holds more than it asks for); throws
    /// <see cref="InvalidDataException"/> (or IO errors) naming the problem. <paramref name="length"/> is the file's size
    /// on disk (compressed, for <c>.gz</c>).
    /// </summary>
    public static Stream OpenRead(string path, out long length)
    {
        CheckRegular(path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            length = file.Length;
            if (file.Length > MaxBytes)
            {
                throw new InvalidDataException($"is {file.Length:N0} bytes; inputs are limited to {MaxBytes:N0} bytes");
            }

            if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return file;
            }

            Span<byte> magic = stackalloc byte[2];
            if (file.Read(magic) < 2 || magic[0] != 0x1F || magic[1] != 0x8B)
            {
                throw new InvalidDataException("is named .gz but is not gzip-compressed (a gzip file starts with the bytes 1f 8b); compress it with gzip or drop the .gz");
            }

            file.Position = 0;
            var limit = Math.Min(MaxBytes, Math.Max(1 << 20, file.Length * MaxExpansion));
            return new CountedStream(new GZipStream(file, CompressionMode.Decompress), limit, file.Length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Throws unless <paramref name="path"/> is a regular file (or a link to one).</summary>
    public static void CheckRegular(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidDataException("is a directory, not a file");
        }

        if (FileType(path) is { } kind and not "regular")
        {
            throw new InvalidDataException($"is a {kind}, not a regular file; only regular files are read");
        }
    }

    /// <summary>"regular", "fifo", "character device", … from stat(2) on Linux; null elsewhere or when stat fails.</summary>
    private static string? FileType(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct stat: st_mode sits at offset 24 on x86-64 and 16 on the generic layout (arm64, riscv64).
        var offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 or Architecture.RiscV64 or Architecture.LoongArch64 => 16,
            _ => -1,
        };
        if (offset < 0)
        {
            return null;
        }

        var buffer = new byte[256];
        if (Stat(path, buffer) != 0)
        {
            return null;
        }

        var mode = BitConverter.ToUInt32(buffer, offset) & 0xF000;
        return mode switch
        {
            0x8000 => "regular",
            0x1000 => "FIFO (named pipe)",
            0x2000 => "character device",
            0x6000 => "block device",
            0xC000 => "socket",
            0x4000 => "directory",
            _ => "special file",
        };
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    /// <summary>A read-only stream that throws once more than its limit of bytes has come out of the inner stream.</summary>
    private sealed class CountedStream(Stream inner, long limit, long compressedLength) : Stream
    {
        private long _count;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _count += n;
            if (_count > limit)
            {
                throw new InvalidDataException($"expands to more than {limit:N0} bytes from {compressedLength:N0} compressed (limits: {MaxExpansion}× and {MaxBytes:N0} bytes); a layer this large should be split, or it is not what it claims");
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
