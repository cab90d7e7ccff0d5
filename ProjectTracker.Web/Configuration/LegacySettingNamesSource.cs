namespace ProjectTracker.Web.Configuration;

/// <summary>Answers section keys from the old flat names (<see cref="LegacySettingNames"/>), read from the rest of the configuration.</summary>
public sealed class LegacySettingNamesSource(IConfiguration root) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(root);

    // Reads the old name at the time of asking: sources added later (tests, the environment) are seen.
    private sealed class Provider(IConfiguration root) : ConfigurationProvider
    {
        private static readonly Dictionary<string, string> OldNames =
            LegacySettingNames.SectionKeys.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

        public override bool TryGet(string key, out string? value)
        {
            value = OldNames.TryGetValue(key, out var oldName) ? root[oldName] : null;
            return !string.IsNullOrWhiteSpace(value);
        }

        public override void Set(string key, string? value)
        {
            // Nothing is stored here.
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            var prefix = parentPath is null ? "" : parentPath + ConfigurationPath.KeyDelimiter;
            var keys = earlierKeys.ToList();
            foreach (var sectionKey in OldNames.Keys.Where(k => TryGet(k, out _) && k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                keys.Add(sectionKey[prefix.Length..].Split(ConfigurationPath.KeyDelimiter)[0]);
            }

            keys.Sort(ConfigurationKeyComparer.Instance);
            return keys;
        }
    }
}
