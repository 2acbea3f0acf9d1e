using System;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>A user pool as Get-CognitoUserPool and Connect-CognitoUserPool write it.</summary>
    public sealed class CognitoUserPool
    {
        internal CognitoUserPool(UserPoolRecord record, string region, string? endpointUrl)
        {
            UserPoolId = record.Id;
            Name = record.Name;
            Region = region;
            EstimatedNumberOfUsers = record.EstimatedNumberOfUsers;
            PasswordPolicy = record.PasswordPolicy;
            Created = record.Created;
            Modified = record.Modified;
            EndpointUrl = endpointUrl;
        }

        public string UserPoolId { get; }

        public string? Name { get; }

        public string Region { get; }

        /// <summary>Cognito's estimate (DescribeUserPool); empty in a ListUserPools listing.</summary>
        public int? EstimatedNumberOfUsers { get; }

        /// <summary>The password policy (DescribeUserPool); empty in a ListUserPools listing.</summary>
        public PasswordPolicy? PasswordPolicy { get; }

        public DateTime? Created { get; }

        public DateTime? Modified { get; }

        public string? EndpointUrl { get; }

        public override string ToString() => UserPoolId;
    }
}
