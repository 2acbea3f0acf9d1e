using System;
using System.Collections.Generic;
using System.Linq;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>A device Cognito tracks for a user (AdminListDevices). It pipes into Remove-CognitoUserDevice by Username, DeviceKey and UserPoolId.</summary>
    public sealed class CognitoUserDevice
    {
        internal CognitoUserDevice(DeviceRecord device, string username, string userPoolId, string region, string? endpointUrl)
        {
            string? Attribute(string name) => device.Attributes.FirstOrDefault(a => a.Key == name).Value;
            Username = username;
            UserPoolId = userPoolId;
            Region = region;
            EndpointUrl = endpointUrl;
            DeviceKey = device.DeviceKey;
            Name = Attribute("device_name");
            Remembered = string.Equals(Attribute("device_status"), "remembered", StringComparison.OrdinalIgnoreCase);
            LastIpAddress = Attribute("last_ip_used");
            Created = device.Created;
            Modified = device.Modified;
            LastAuthenticated = device.LastAuthenticated;
            Attributes = device.Attributes.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        }

        public string Username { get; }

        public string DeviceKey { get; }

        /// <summary>The device's name as its app reported it (device_name).</summary>
        public string? Name { get; }

        /// <summary>True when the user chose to remember the device (device_status remembered): it may skip MFA.</summary>
        public bool Remembered { get; }

        public string? LastIpAddress { get; }

        public DateTime? Created { get; }

        public DateTime? Modified { get; }

        public DateTime? LastAuthenticated { get; }

        public IReadOnlyDictionary<string, string> Attributes { get; }

        public string UserPoolId { get; }

        public string Region { get; }

        public string? EndpointUrl { get; }

        public override string ToString() => DeviceKey;
    }
}
