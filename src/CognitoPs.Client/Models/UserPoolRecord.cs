using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>A user pool as DescribeUserPool (all fields) or ListUserPools (id, name, dates) return it.</summary>
    public sealed class UserPoolRecord
    {
        public string Id { get; set; } = "";

        public string? Name { get; set; }

        public DateTime? Created { get; set; }

        public DateTime? Modified { get; set; }

        public int? EstimatedNumberOfUsers { get; set; }

        public PasswordPolicy? PasswordPolicy { get; set; }

        /// <summary>
        /// How long a temporary password (an invitation) stays valid: the password policy's TemporaryPasswordValidityDays,
        /// else the older AdminCreateUserConfig.UnusedAccountValidityDays it replaced, else Cognito's default of 7 days.
        /// </summary>
        public int InvitationValidityDays { get; set; } = DefaultInvitationValidityDays;

        public const int DefaultInvitationValidityDays = 7;

        /// <summary>The pool's attributes (SchemaAttributes), standard and custom ("custom:team"), in the pool's order.</summary>
        public IReadOnlyList<string> AttributeNames { get; set; } = Array.Empty<string>();

        /// <summary>Attributes every user must have (SchemaAttributes with Required true).</summary>
        public IReadOnlyList<string> RequiredAttributes { get; set; } = Array.Empty<string>();

        /// <summary>Attributes users may sign in with instead of a user name (UsernameAttributes: email, phone_number).</summary>
        public IReadOnlyList<string> UsernameAttributes { get; set; } = Array.Empty<string>();

        /// <summary>Attributes that may stand for the user name once verified (AliasAttributes: email, phone_number, preferred_username).</summary>
        public IReadOnlyList<string> AliasAttributes { get; set; } = Array.Empty<string>();

        internal static UserPoolRecord Read(JsonElement pool)
        {
            var policy = pool.TryGetProperty("Policies", out var policies) && policies.TryGetProperty("PasswordPolicy", out var p)
                ? PasswordPolicy.Read(p)
                : null;
            return new UserPoolRecord
            {
                Id = Json.String(pool, "Id") ?? "",
                Name = Json.String(pool, "Name"),
                Created = Json.Date(pool, "CreationDate"),
                Modified = Json.Date(pool, "LastModifiedDate"),
                EstimatedNumberOfUsers = Json.Int(pool, "EstimatedNumberOfUsers"),
                PasswordPolicy = policy,
                InvitationValidityDays = policy?.TemporaryPasswordValidityDays
                    ?? (pool.TryGetProperty("AdminCreateUserConfig", out var invitations) ? Json.Int(invitations, "UnusedAccountValidityDays") : null)
                    ?? DefaultInvitationValidityDays,
                AttributeNames = Json.List(pool, "SchemaAttributes", attribute => Json.String(attribute, "Name") ?? "").Where(name => name.Length > 0).ToList(),
                RequiredAttributes = Json.List(pool, "SchemaAttributes", attribute => Json.Boolean(attribute, "Required") == true ? Json.String(attribute, "Name") ?? "" : "")
                    .Where(name => name.Length > 0).ToList(),
                UsernameAttributes = Json.List(pool, "UsernameAttributes", item => item.GetString() ?? ""),
                AliasAttributes = Json.List(pool, "AliasAttributes", item => item.GetString() ?? ""),
            };
        }
    }
}
