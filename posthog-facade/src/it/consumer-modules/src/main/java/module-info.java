/** An application that uses the SDK as a module. */
module example.consumer {
  requires dev.hedgekit.posthog;
  requires jdk.httpserver;

  exports example;
}
