using System.Collections.Generic;
using System.Linq;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// The layout of a Cognito import file: exactly GetCSVHeader's columns, each filled from the attribute of that name,
    /// cognito:username from the user name and cognito:mfa_enabled false (MFA settings cannot be imported: users set
    /// them up again).
    /// </summary>
    internal sealed class ImportUserRowWriter : UserRowWriter
    {
        public const string UsernameColumn = "cognito:username";
        public const string MfaColumn = "cognito:mfa_enabled";

        public ImportUserRowWriter(IReadOnlyList<string> header)
            : base(header, includeGroups: false)
        {
        }

        public override byte[] Header() => Utf8.GetBytes(CsvText.Line(Attributes));

        public override byte[] Row(UserRecord user, IReadOnlyList<string> groups, bool first) => Utf8.GetBytes(CsvText.Line(Attributes.Select(column => column switch
        {
            UsernameColumn => user.Username,
            MfaColumn => "false",
            _ => Value(user, column),
        })));

        public override byte[] End() => new byte[0];
    }
}
