using System;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>A group as Get-CognitoGroup, New-CognitoGroup and Set-CognitoGroup write it; it carries its pool, region and endpoint.</summary>
    public sealed class CognitoGroup
    {
        internal CognitoGroup(GroupRecord record, string userPoolId, string region, string? endpointUrl)
        {
            UserPoolId = userPoolId;
            GroupName = record.GroupName;
            Description = record.Description;
            Precedence = record.Precedence;
            RoleArn = record.RoleArn;
            Created = record.Created;
            Modified = record.Modified;
            Region = region;
            EndpointUrl = endpointUrl;
        }

        public string UserPoolId { get; }

        public string GroupName { get; }

        public string? Description { get; }

        /// <summary>Lower wins when a user's groups carry different IAM roles; null when not set.</summary>
        public int? Precedence { get; }

        /// <summary>The IAM role the group's members get through an identity pool; null when none.</summary>
        public string? RoleArn { get; }

        public DateTime? Created { get; }

        public DateTime? Modified { get; }

        public string Region { get; }

        /// <summary>The endpoint override the group was read through; null for the AWS endpoint of <see cref="Region"/>.</summary>
        public string? EndpointUrl { get; }

        public override string ToString() => GroupName;
    }
}
