using System.Collections.Generic;
using System.Linq;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>Username, Status, Enabled, Created, Modified, one column per attribute, and Groups (names joined with ';').</summary>
    internal sealed class CsvUserRowWriter : UserRowWriter
    {
        public CsvUserRowWriter(IReadOnlyList<string> attributes, bool includeGroups)
            : base(attributes, includeGroups)
        {
        }

        public override byte[] Header() => Utf8.GetBytes(CsvText.Line(
            new[] { "Username", "Status", "Enabled", "Created", "Modified" }.Concat(Attributes).Concat(IncludeGroups ? new[] { "Groups" } : new string[0])));

        public override byte[] Row(UserRecord user, IReadOnlyList<string> groups, bool first) => Utf8.GetBytes(CsvText.Line(
            new[] { user.Username, user.Status, user.Enabled ? "true" : "false", Date(user.Created), Date(user.Modified) }
                .Concat(Attributes.Select(attribute => Value(user, attribute)))
                .Concat(IncludeGroups ? new[] { string.Join(";", groups) } : new string[0])));

        public override byte[] End() => new byte[0];
    }
}
