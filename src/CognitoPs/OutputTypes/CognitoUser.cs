using System;
using System.Collections.Generic;
using System.Security;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>
    /// A user as Get-CognitoUser writes it. It carries its pool, region and endpoint, so piping it on
    /// (e.g. into Set-CognitoUserPassword) reaches the same pool in the same region, never a default one.
    /// </summary>
    public sealed class CognitoUser
    {
        internal CognitoUser(UserRecord record, string userPoolId, string region, string? endpointUrl)
        {
            var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var attribute in record.Attributes)
            {
                attributes[attribute.Key] = attribute.Value;
            }

            UserPoolId = userPoolId;
            Username = record.Username;
            Status = record.Status;
            Enabled = record.Enabled;
            Created = record.Created;
            Modified = record.Modified;
            Attributes = attributes;
            Region = region;
            EndpointUrl = endpointUrl;
        }

        public string UserPoolId { get; }

        public string Username { get; }

        public string? Sub => Attributes.TryGetValue("sub", out var sub) ? sub : null;

        public string? Email => Attributes.TryGetValue("email", out var email) ? email : null;

        public string? Status { get; }

        public bool Enabled { get; }

        public DateTime? Created { get; }

        public DateTime? Modified { get; }

        /// <summary>All attributes by name, case-insensitive: <c>$user.Attributes['custom:team']</c>.</summary>
        public IReadOnlyDictionary<string, string> Attributes { get; }

        public string Region { get; }

        /// <summary>The endpoint override the user was read through; null for the AWS endpoint of <see cref="Region"/>.</summary>
        public string? EndpointUrl { get; }

        /// <summary>The temporary password New-CognitoUser -GeneratePassword made for this user; otherwise null.</summary>
        public SecureString? TemporaryPassword { get; internal set; }

        /// <summary>
        /// The group Get-CognitoGroupMember listed this user in; otherwise null. (Not named GroupName, so that a member
        /// piped into Get-CognitoGroup asks for the user's groups, not for this one.)
        /// </summary>
        public string? Group { get; internal set; }

        public override string ToString() => Username;
    }
}
