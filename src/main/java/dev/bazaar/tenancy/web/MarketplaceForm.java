package dev.bazaar.tenancy.web;

/** The form that adds a marketplace to a project. */
public class MarketplaceForm {

	private String marketplace = "";

	public String getMarketplace() {
		return this.marketplace;
	}

	public void setMarketplace(String marketplace) {
		this.marketplace = marketplace;
	}

}
