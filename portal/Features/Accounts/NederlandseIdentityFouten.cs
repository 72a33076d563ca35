using Microsoft.AspNetCore.Identity;

namespace SocialeKaart.Portal.Features.Accounts;

/// <summary>Identity's messages in plain Dutch: the beheerder and whoever chooses a password read them as they are.</summary>
public sealed class NederlandseIdentityFouten : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Het wachtwoord moet minstens {length} tekens lang zijn." };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "Zet er een leesteken in, zoals ! of -." };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "Zet er een cijfer in." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "Zet er een kleine letter in." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "Zet er een hoofdletter in." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Gebruik minstens {uniqueChars} verschillende tekens." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Deze link werkt niet (meer). Vraag de beheerder om een nieuwe link." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Er is al een account met dit e-mailadres." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Er is al een account met dit e-mailadres." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Vul een e-mailadres in zoals naam@voorbeeld.nl." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Dit e-mailadres kan niet als inlognaam. Gebruik alleen letters, cijfers en . - _ @ +." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Iemand anders wijzigde dit account net. Laad de pagina opnieuw en probeer het nog een keer." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Dat lukte niet. Probeer het nog een keer." };
}
