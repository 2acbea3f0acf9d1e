using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CognitoPs.Client;
using CognitoPs.Commands;

namespace CognitoPs
{
    /// <summary>
    /// Turns users into the bytes of one export format: a header, one piece per user, an end. Each piece is complete in
    /// itself, so a file cut after any row (an interrupted export) can be continued by appending.
    /// </summary>
    internal abstract class UserRowWriter
    {
        protected static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        protected UserRowWriter(IReadOnlyList<string> attributes, bool includeGroups)
        {
            Attributes = attributes;
            IncludeGroups = includeGroups;
        }

        /// <summary>The attribute columns, in order (for CognitoImport: every column of GetCSVHeader).</summary>
        public IReadOnlyList<string> Attributes { get; }

        public bool IncludeGroups { get; }

        public static UserRowWriter For(CognitoExportFormat format, IReadOnlyList<string> attributes, bool includeGroups) => format switch
        {
            CognitoExportFormat.Json => new JsonUserRowWriter(attributes, includeGroups),
            CognitoExportFormat.CognitoImport => new ImportUserRowWriter(attributes),
            _ => new CsvUserRowWriter(attributes, includeGroups),
        };

        public abstract byte[] Header();

        /// <param name="first">True for the file's first user (JSON separates users with commas).</param>
        public abstract byte[] Row(UserRecord user, IReadOnlyList<string> groups, bool first);

        public abstract byte[] End();

        protected static string? Value(UserRecord user, string attribute) =>
            user.Attributes.FirstOrDefault(a => string.Equals(a.Key, attribute, StringComparison.Ordinal)).Value;

        /// <summary>Dates as ISO 8601 in UTC, which every tool reads back the same.</summary>
        protected static string? Date(DateTime? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
