namespace ClusterlessHpc.Scripts
{
    /// <summary>
    /// How the startup script decompresses a <c>.tar.gz</c>: with zstd where the node has one that reads gzip (built with
    /// zlib; some distributions build it without), which decodes gzip 1.5 to 1.8 times as fast as gzip's own decoder (a
    /// runtime's binaries as a .tar.gz, docs/performance.md, "Shared install"), else with gzip. Decompressing is most of
    /// what a node that unpacks a published release and depot waits for. The script chooses once, by decompressing one
    /// byte, so a zstd without gzip support is never used.
    /// </summary>
    internal static class GzipReader
    {
        /// <summary>The script lines that set the bash array <c>gunzip_command</c>: a command that reads gzip on stdin and writes it out plain.</summary>
        public const string Choose =
            "# zstd reads gzip (where it was built with zlib) faster than gzip's own decoder.\n" +
            "gunzip_command=(gzip -dc)\n" +
            "if command -v zstd > /dev/null && [[ \"$(printf x | gzip -c | zstd -dcq --format=gzip 2> /dev/null)\" == x ]]; then gunzip_command=(zstd -dcq --format=gzip); fi\n";

        /// <summary>The command, as a script word list.</summary>
        public const string Command = "\"${gunzip_command[@]}\"";

        /// <summary>
        /// Script lines (each indented by <paramref name="indent"/>) that unpack the downloaded <c>.tar.gz</c>
        /// <paramref name="archive"/> into the existing folder <paramref name="into"/> with tar's <paramref name="tarOptions"/>.
        /// zstd refuses bytes after the gzip stream (zero padding, say) that gzip warns of and ignores, so where the chosen
        /// decoder fails, the folder is emptied and gzip's own decoder has the last word (and ends the script if it fails too).
        /// Paths are script words, expanded in double quotes.
        /// </summary>
        public static string UnpackFile(string archive, string into, string tarOptions, string indent) =>
            indent + "if ! " + Command + " < \"" + archive + "\" | tar -x -C \"" + into + "\" " + tarOptions + "; then\n" +
            indent + "  log \"unpacking " + archive + " with ${gunzip_command[0]} failed; unpacking it with gzip\" >&2\n" +
            indent + "  rm -rf \"" + into + "\" && mkdir \"" + into + "\"\n" +
            indent + "  gzip -dc < \"" + archive + "\" | tar -x -C \"" + into + "\" " + tarOptions + "\n" +
            indent + "fi\n";
    }
}
