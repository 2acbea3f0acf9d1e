using System;
using System.Collections.Generic;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>-GeneratePassword for one command: a fresh password per user, each meeting its pool's policy, read once per pool.</summary>
    internal sealed class GeneratedPasswords
    {
        private readonly Dictionary<string, PasswordPolicy> _policies = new Dictionary<string, PasswordPolicy>(StringComparer.Ordinal);

        /// <param name="wait">Waits for the DescribeUserPool call on the pipeline thread (the cmdlet's Await).</param>
        public SecureString For(CognitoClient client, string userPoolId, Func<Task<UserPoolRecord>, UserPoolRecord> wait, CancellationToken cancellationToken)
        {
            var key = client.Region + " " + client.Endpoint + " " + userPoolId;
            if (!_policies.TryGetValue(key, out var policy))
            {
                policy = wait(client.DescribeUserPoolAsync(userPoolId, cancellationToken)).PasswordPolicy ?? new PasswordPolicy();
                _policies[key] = policy;
            }

            return PasswordGenerator.Generate(policy);
        }
    }
}
