using System;
using CognitoPs.Client;

namespace CognitoPs.Commands
{
    /// <summary>
    /// A checked pool id with its connection settings, and the client for its region and endpoint, made on first use
    /// (so that checks and -WhatIf need no credentials).
    /// </summary>
    internal sealed class PoolTarget
    {
        private readonly ConnectionOptions _settings;
        private readonly Func<ConnectionOptions, string?, CognitoClient> _clientFor;
        private CognitoClient? _client;

        internal PoolTarget(string userPoolId, ConnectionOptions settings, Func<ConnectionOptions, string?, CognitoClient> clientFor)
        {
            UserPoolId = userPoolId;
            _settings = settings;
            _clientFor = clientFor;
            EndpointUrl = settings.ResolveEndpointOverride()?.ToString();
        }

        public string UserPoolId { get; }

        /// <summary>The endpoint override objects should carry onward; null for AWS's own endpoint.</summary>
        public string? EndpointUrl { get; }

        public CognitoClient Client => _client ??= _clientFor(_settings, UserPoolId);

        /// <summary>The settings the pool was checked with: for a session default (Connect-CognitoUserPool).</summary>
        internal ConnectionOptions Settings => _settings;
    }
}
