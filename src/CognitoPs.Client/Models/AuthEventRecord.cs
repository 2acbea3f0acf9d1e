using System;
using System.Text.Json;

namespace CognitoPs.Client
{
    /// <summary>A sign-in or other authentication event as AdminListUserAuthEvents returns it (AuthEventType).</summary>
    public sealed class AuthEventRecord
    {
        public string EventId { get; set; } = "";

        public string? EventType { get; set; }

        public DateTime? Time { get; set; }

        public string? Response { get; set; }

        public string? RiskLevel { get; set; }

        public string? RiskDecision { get; set; }

        public bool? CompromisedCredentialsDetected { get; set; }

        public string? IpAddress { get; set; }

        public string? City { get; set; }

        public string? Country { get; set; }

        public string? DeviceName { get; set; }

        internal static AuthEventRecord Read(JsonElement item)
        {
            var risk = item.TryGetProperty("EventRisk", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
            var context = item.TryGetProperty("EventContextData", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            return new AuthEventRecord
            {
                EventId = Json.String(item, "EventId") ?? "",
                EventType = Json.String(item, "EventType"),
                Time = Json.Date(item, "CreationDate"),
                Response = Json.String(item, "EventResponse"),
                RiskLevel = risk.ValueKind == JsonValueKind.Object ? Json.String(risk, "RiskLevel") : null,
                RiskDecision = risk.ValueKind == JsonValueKind.Object ? Json.String(risk, "RiskDecision") : null,
                CompromisedCredentialsDetected = risk.ValueKind == JsonValueKind.Object ? Json.Boolean(risk, "CompromisedCredentialsDetected") : null,
                IpAddress = context.ValueKind == JsonValueKind.Object ? Json.String(context, "IpAddress") : null,
                City = context.ValueKind == JsonValueKind.Object ? Json.String(context, "City") : null,
                Country = context.ValueKind == JsonValueKind.Object ? Json.String(context, "Country") : null,
                DeviceName = context.ValueKind == JsonValueKind.Object ? Json.String(context, "DeviceName") : null,
            };
        }
    }
}
