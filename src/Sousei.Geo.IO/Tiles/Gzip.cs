using System.IO.Compression;

namespace Sousei.Geo.IO.Tiles;

/// <summary>gzip (RFC 1952) of whole buffers, for PMTiles sections and tiles. Deterministic: no file name, no time stamp.</summary>
public static class Gzip
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="InvalidDataException">Not gzip, or larger than the limit once expanded.</exception>
    public static byte[] Decompress(byte[] data, int maxBytes = 64 << 20)
    {
        using var input = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (output.Length + read > maxBytes)
            {
                throw new InvalidDataException($"a gzip section expands beyond {maxBytes} bytes");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
