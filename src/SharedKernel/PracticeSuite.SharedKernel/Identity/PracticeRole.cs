namespace PracticeSuite.SharedKernel.Identity;

/// <summary>The kinds of people who sign in.</summary>
public enum PracticeRole
{
    /// <summary>Runs the clinic: prices, invoices, payments, staff, reports; sees every record.</summary>
    Manager,

    /// <summary>Treats clients: sees the clients whose care team they are on.</summary>
    Therapist,

    /// <summary>A client using the portal: sees only their own records.</summary>
    Client,

    /// <summary>
    /// The front desk: registers clients and keeps their details, books and checks in, takes payments; sees every
    /// client and their screening flags, never intake answers, clinical notes or treatment plans.
    /// </summary>
    Reception,
}
