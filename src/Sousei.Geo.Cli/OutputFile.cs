namespace Sousei.Geo.Cli;

/// <summary>
/// Writes a command's output file all or nothing: the path is checked before any work (its folder exists, it
/// is not a folder), the bytes go to a temporary file beside it that is moved into place only when complete,
/// and the temporary file is removed on any failure, so no half-written file is ever left. A file-system error
/// becomes a one-line message naming the option (exit code 2) instead of an internal error.
/// </summary>
internal static class OutputFile
{
    /// <summary>Fails with a <see cref="UsageException"/> when <paramref name="path"/> cannot be written as a file.</summary>
    public static void Check(string path, string option = "out")
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"--{option} '{path}' is a directory; give a file name");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"--{option} '{path}': the directory '{folder}' does not exist");
        }
    }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/> and returns its result.</summary>
    public static T Write<T>(string path, Func<Stream, T> write, string option = "out") => WriteFile(path, temp =>
    {
        using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.SequentialScan);
        return write(stream);
    }, option);

    /// <summary>
    /// Writes <paramref name="path"/> through <paramref name="write"/>, which creates the file at the temporary path it is
    /// given (for writers that need a path, such as SQLite's) and has closed it on return; returns its result.
    /// </summary>
    public static T WriteFile<T>(string path, Func<string, T> write, string option = "out")
    {
        Check(path, option);
        var temp = $"{Path.GetFullPath(path)}.{Guid.NewGuid():N}.tmp";
        try
        {
            var result = write(temp);
            File.Move(temp, path, overwrite: true);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--{option} '{path}': cannot write the file: {e.Message}");
        }
        finally
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Best effort: the move succeeded (nothing to delete) or the folder is not writable at all.
            }
        }
    }
}
