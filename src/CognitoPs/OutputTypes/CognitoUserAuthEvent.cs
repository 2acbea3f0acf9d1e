using System;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>A sign-in, sign-up or password change of a user, with its risk, as threat protection recorded it (AdminListUserAuthEvents).</summary>
    public sealed class CognitoUserAuthEvent
    {
        internal CognitoUserAuthEvent(AuthEventRecord authEvent, string username, string userPoolId, string region, string? endpointUrl)
        {
            Username = username;
            UserPoolId = userPoolId;
            Region = region;
            EndpointUrl = endpointUrl;
            EventId = authEvent.EventId;
            EventType = authEvent.EventType;
            Time = authEvent.Time;
            Response = authEvent.Response;
            RiskLevel = authEvent.RiskLevel;
            RiskDecision = authEvent.RiskDecision;
            CompromisedCredentialsDetected = authEvent.CompromisedCredentialsDetected;
            IpAddress = authEvent.IpAddress;
            City = authEvent.City;
            Country = authEvent.Country;
            DeviceName = authEvent.DeviceName;
        }

        public string Username { get; }

        public string EventId { get; }

        /// <summary>SignIn, SignUp, ForgotPassword, PasswordChange, ResendCode, DeleteUser, ...</summary>
        public string? EventType { get; }

        public DateTime? Time { get; }

        /// <summary>Pass, Fail or InProgress.</summary>
        public string? Response { get; }

        /// <summary>NoRisk, Low, Medium or High.</summary>
        public string? RiskLevel { get; }

        /// <summary>NoRisk, AccountTakeover or Block.</summary>
        public string? RiskDecision { get; }

        public bool? CompromisedCredentialsDetected { get; }

        public string? IpAddress { get; }

        public string? City { get; }

        public string? Country { get; }

        public string? DeviceName { get; }

        public string UserPoolId { get; }

        public string Region { get; }

        public string? EndpointUrl { get; }

        public override string ToString() => EventId;
    }
}
