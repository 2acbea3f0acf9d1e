using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// What an interrupted export had written, kept beside the file after every page: how many bytes of the partial file
    /// hold whole rows, and where each partition of the listing goes on. -Resume cuts the partial file back to that
    /// length and continues each partition from its token, so no row is missing or written twice.
    /// </summary>
    internal sealed class ExportCheckpoint
    {
        /// <summary>The pool, endpoint, format and columns: a resumed export must be the same export.</summary>
        public string Fingerprint { get; set; } = "";

        public long Length { get; set; }

        public long Rows { get; set; }

        public List<PartitionState> Partitions { get; set; } = new List<PartitionState>();

        public static string PathFor(string file) => file + ".checkpoint";

        public static string PartialPathFor(string file) => file + ".partial";

        public static ExportCheckpoint Load(string file)
        {
            var path = PathFor(file);
            try
            {
                return JsonSerializer.Deserialize<ExportCheckpoint>(File.ReadAllBytes(path)) ?? throw new JsonException("empty");
            }
            catch (JsonException ex)
            {
                throw new UserFileException($"'{path}' is not a checkpoint this module wrote ({ex.Message}); run the export again without -Resume (and with -Force).", ex);
            }
        }

        /// <summary>Written to a temporary file and moved over the old one, so a crash leaves one whole checkpoint or the other.</summary>
        public void Save(string file)
        {
            var path = PathFor(file);
            File.WriteAllBytes(path + ".tmp", JsonSerializer.SerializeToUtf8Bytes(this));
            File.Move(path + ".tmp", path, overwrite: true);
        }

        /// <summary>One partition of the listing: its filter (null: the whole pool), the token to go on from, and whether it is done.</summary>
        internal sealed class PartitionState
        {
            public string? Filter { get; set; }

            public string? Token { get; set; }

            public bool Done { get; set; }
        }
    }
}
