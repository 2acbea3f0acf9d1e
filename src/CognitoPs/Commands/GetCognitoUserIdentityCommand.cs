using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the identities of external providers (Google, SAML, OIDC, ...) linked to users, from their identities attribute (AdminGetUser).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CognitoUserIdentity")]
    [OutputType(typeof(CognitoUserIdentity))]
    [CognitoOperations(nameof(CognitoOperation.AdminGetUser))]
    public sealed class GetCognitoUserIdentityCommand : CognitoUserActionCmdlet
    {
        protected override string Activity => "Reading the linked identities of Cognito users";

        protected override string Done => "read";

        protected override string Verb => "read the linked identities of";

        protected override string ActionFor(PendingUser user) => "Read linked identities";

        protected override Task<object?> Send(PendingUser user, CancellationToken cancellationToken) =>
            WithReply(user.Client.AdminGetUserAsync(user.UserPoolId!, user.Username!, cancellationToken));

        protected override object? Output(PendingUser user, object? reply)
        {
            var identities = ((UserRecord)reply!).Attributes.FirstOrDefault(a => a.Key == "identities").Value;
            return string.IsNullOrEmpty(identities)
                ? Array.Empty<CognitoUserIdentity>()
                : Read(identities, user).ToArray();
        }

        /// <summary>The attribute's JSON array: userId, providerName, providerType, primary, dateCreated (epoch milliseconds).</summary>
        private IEnumerable<CognitoUserIdentity> Read(string identities, PendingUser user)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(identities);
            }
            catch (JsonException)
            {
                WriteWarning($"The identities attribute of {user.Target} is not the JSON Cognito writes; it was skipped.");
                yield break;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    yield break;
                }

                foreach (var item in document.RootElement.EnumerateArray())
                {
                    string? Text(string name) => item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    var created = item.TryGetProperty("dateCreated", out var date) && date.TryGetInt64(out var milliseconds)
                        ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).LocalDateTime
                        : (DateTime?)null;
                    var primary = item.TryGetProperty("primary", out var p) && (p.ValueKind == JsonValueKind.True || (p.ValueKind == JsonValueKind.String && p.GetString() == "true"));
                    yield return new CognitoUserIdentity(user.Username!, user.UserPoolId!, user.Client.Region, user.EndpointUrl,
                        Text("providerName") ?? "", Text("providerType"), Text("userId") ?? "", created, primary);
                }
            }
        }
    }
}
