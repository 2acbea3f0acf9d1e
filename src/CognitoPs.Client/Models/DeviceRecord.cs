using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>A remembered or tracked device as AdminListDevices returns it (DeviceType).</summary>
    public sealed class DeviceRecord
    {
        public string DeviceKey { get; set; } = "";

        public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; set; } = Array.Empty<KeyValuePair<string, string>>();

        public DateTime? Created { get; set; }

        public DateTime? Modified { get; set; }

        public DateTime? LastAuthenticated { get; set; }

        internal static DeviceRecord Read(JsonElement device) => new DeviceRecord
        {
            DeviceKey = Json.String(device, "DeviceKey") ?? "",
            Attributes = Json.List(device, "DeviceAttributes", a => new KeyValuePair<string, string>(Json.String(a, "Name") ?? "", Json.String(a, "Value") ?? "")),
            Created = Json.Date(device, "DeviceCreateDate"),
            Modified = Json.Date(device, "DeviceLastModifiedDate"),
            LastAuthenticated = Json.Date(device, "DeviceLastAuthenticatedDate"),
        };
    }
}
