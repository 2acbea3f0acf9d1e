using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using CognitoPs.Client;

namespace CognitoPs
{
    /// <summary>A JSON array: one object per user with Username, Status, Enabled, Created, Modified, Attributes (and Groups).</summary>
    internal sealed class JsonUserRowWriter : UserRowWriter
    {
        // Readable text: quotes and non-ASCII letters as they are, not as \u escapes (the file is not embedded in HTML).
        private static readonly JsonWriterOptions Options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public JsonUserRowWriter(IReadOnlyList<string> attributes, bool includeGroups)
            : base(attributes, includeGroups)
        {
        }

        public override byte[] Header() => Utf8.GetBytes("[\n");

        public override byte[] Row(UserRecord user, IReadOnlyList<string> groups, bool first)
        {
            using var buffer = new MemoryStream();
            if (!first)
            {
                buffer.Write(Utf8.GetBytes(",\n"));
            }

            using (var json = new Utf8JsonWriter(buffer, Options))
            {
                json.WriteStartObject();
                json.WriteString("Username", user.Username);
                json.WriteString("Status", user.Status);
                json.WriteBoolean("Enabled", user.Enabled);
                json.WriteString("Created", Date(user.Created));
                json.WriteString("Modified", Date(user.Modified));
                json.WriteStartObject("Attributes");
                foreach (var attribute in Attributes)
                {
                    if (Value(user, attribute) is string value)
                    {
                        json.WriteString(attribute, value);
                    }
                }

                json.WriteEndObject();
                if (IncludeGroups)
                {
                    json.WriteStartArray("Groups");
                    foreach (var group in groups)
                    {
                        json.WriteStringValue(group);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            return buffer.ToArray();
        }

        public override byte[] End() => Utf8.GetBytes("\n]\n");
    }
}
