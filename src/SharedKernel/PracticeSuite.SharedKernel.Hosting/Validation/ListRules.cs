using System.Collections;
using FluentValidation;

namespace PracticeSuite.SharedKernel.Hosting.Validation;

/// <summary>
/// Limits every list a request binds (issue 16): present (JSON <c>null</c> is refused, an empty list is fine) and at
/// most <see cref="MaxEntries"/> entries; pair with <c>RuleForEach(...).NotNull()</c> to refuse null elements. A
/// validator must not assume what the JSON reader gave it: any list, and any element of one, may be null.
/// </summary>
public static class ListRules
{
    public const int MaxEntries = 100;

    public static IRuleBuilderOptions<T, TList> BoundedList<T, TList>(this IRuleBuilder<T, TList> rule, int maxEntries = MaxEntries)
        where TList : ICollection? =>
        rule.NotNull().WithMessage("Give a list (empty when there is nothing to list), not null.")
            .Must(list => list is null || list.Count <= maxEntries).WithMessage($"List at most {maxEntries} entries.");
}
